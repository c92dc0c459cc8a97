import Database from 'better-sqlite3';
import type { AuditInput } from '../audit';
import { DuplicateSlugError, KeyGoneError } from './errors';
import { fromRow, toRow } from './rows';
import type { KeyPatch, KeyRecord, NewVersion } from './rows';
import type { Secrets } from './secrets';
import type { Statements } from './statements';

function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof Database.SqliteError &&
    (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
  );
}

/**
 * Every change to keys, each in one transaction with its audit record (so the record is
 * committed exactly when the change is).
 */
export function createKeyWrites(
  db: Database.Database,
  s: Statements,
  secrets: Secrets,
  insertAudit: (audit: AuditInput | undefined) => void,
  /** Called for every key a write changes or removes (to drop what was cached of it). */
  changed: (identity: string) => void,
) {
  const currentKey = (identity: string): KeyRecord => {
    const row = s.keyByIdentity.get(identity);
    if (!row) throw new KeyGoneError(identity);
    return fromRow(row);
  };

  const insertVersions = (identity: string, first: number, versions: readonly NewVersion[]) => {
    versions.forEach((v, i) => {
      const version = first + i;
      const sealed = secrets.sealMaterial(identity, version, v.material);
      s.insertVersion.run(identity, version, v.createdAt, sealed, v.publicKey);
    });
  };

  const insertKeyTx = db.transaction(
    (key: KeyRecord, versions: readonly NewVersion[], audit: AuditInput | undefined) => {
      try {
        s.insertKey.run(toRow(key));
      } catch (error) {
        if (isUniqueViolation(error))
          throw new DuplicateSlugError(`A key with slug "${key.slug}" already exists`);
        throw error;
      }
      insertVersions(key.identity, 1, versions);
      insertAudit(audit);
    },
  );

  const mutateKeyTx = db.transaction(
    (
      identity: string,
      change: (current: KeyRecord) => KeyPatch,
      updatedAt: string,
      audit: AuditInput | undefined,
    ): KeyRecord => {
      const current = currentKey(identity);
      changed(identity);
      const next: KeyRecord = {
        ...current,
        ...change(current),
        updatedAt,
        objectVersion: current.objectVersion + 1,
      };
      s.updateKey.run(toRow(next));
      insertAudit(audit);
      return next;
    },
  );

  const addVersionsTx = db.transaction(
    (
      identity: string,
      check: (current: KeyRecord) => void,
      versions: readonly NewVersion[],
      updatedAt: string,
      audit: ((next: KeyRecord) => AuditInput) | undefined,
    ): KeyRecord => {
      const current = currentKey(identity);
      check(current);
      changed(identity);
      insertVersions(identity, current.latestVersion + 1, versions);
      const next: KeyRecord = {
        ...current,
        latestVersion: current.latestVersion + versions.length,
        updatedAt,
        objectVersion: current.objectVersion + 1,
      };
      s.updateKey.run(toRow(next));
      if (audit) insertAudit(audit(next));
      return next;
    },
  );

  const purgeTx = db.transaction((identity: string, audit: AuditInput | undefined) => {
    s.deleteKey.run(identity);
    changed(identity);
    insertAudit(audit);
  });

  const insertManyTx = db.transaction(
    (items: readonly { key: KeyRecord; versions: readonly NewVersion[] }[]) => {
      for (const item of items) insertKeyTx(item.key, item.versions, undefined);
    },
  );

  return {
    /** Inserts a key with its first versions (numbered from 1) in one transaction. */
    insertKey(key: KeyRecord, versions: readonly NewVersion[], audit?: AuditInput): void {
      insertKeyTx(key, versions, audit);
    },

    /** Inserts many keys in one transaction (all or nothing). */
    insertKeys(items: readonly { key: KeyRecord; versions: readonly NewVersion[] }[]): void {
      insertManyTx(items);
    },

    /**
     * Changes a key in one transaction: `change` sees the current record (and may throw to
     * refuse), objectVersion rises by one, the audit record is written in the same transaction.
     */
    mutateKey(
      identity: string,
      change: (current: KeyRecord) => KeyPatch,
      updatedAt: string,
      audit?: AuditInput,
    ): KeyRecord {
      return mutateKeyTx(identity, change, updatedAt, audit);
    },

    /** Appends versions latestVersion+1.. in one transaction after `check` accepts the key. */
    addVersions(
      identity: string,
      check: (current: KeyRecord) => void,
      versions: readonly NewVersion[],
      updatedAt: string,
      audit?: (next: KeyRecord) => AuditInput,
    ): KeyRecord {
      return addVersionsTx(identity, check, versions, updatedAt, audit);
    },

    purgeKey(identity: string, audit?: AuditInput): void {
      purgeTx(identity, audit);
    },
  };
}
