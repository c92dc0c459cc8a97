import Database from 'better-sqlite3';
import type { AuditInput } from '../audit';
import { DuplicateSlugError, KeyGoneError } from './errors';
import { fromRow, toRow } from './rows';
import type { KeyPatch, KeyRecord, NewVersion } from './rows';
import type { Secrets } from './secrets';
import type { Statements } from './statements';

/** What every write needs: the statements, the sealing, and the two side effects of a write. */
interface WriteDeps {
  s: Statements;
  secrets: Secrets;
  insertAudit: (audit: AuditInput | undefined) => void;
  changed: (identity: string) => void;
}

function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof Database.SqliteError &&
    (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
  );
}

function currentKey({ s }: WriteDeps, identity: string): KeyRecord {
  const row = s.keyByIdentity.get(identity);
  if (!row) throw new KeyGoneError(identity);
  return fromRow(row);
}

/** Seals and inserts `versions`, numbered from `first`. */
function insertVersions(
  { s, secrets }: WriteDeps,
  identity: string,
  first: number,
  versions: readonly NewVersion[],
): void {
  versions.forEach((v, i) => {
    const version = first + i;
    const sealed = secrets.sealMaterial(identity, version, v.material);
    s.insertVersion.run(identity, version, v.createdAt, sealed, v.publicKey);
  });
}

function insertKey(
  d: WriteDeps,
  key: KeyRecord,
  versions: readonly NewVersion[],
  audit: AuditInput | undefined,
): void {
  try {
    d.s.insertKey.run(toRow(key));
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DuplicateSlugError(`A key with slug "${key.slug}" already exists`);
    throw error;
  }
  insertVersions(d, key.identity, 1, versions);
  d.insertAudit(audit);
}

/** Writes `patch` over the current key, with updatedAt and the next objectVersion. */
function updateKey(
  d: WriteDeps,
  current: KeyRecord,
  patch: KeyPatch | Pick<KeyRecord, 'latestVersion'>,
  updatedAt: string,
): KeyRecord {
  const next: KeyRecord = {
    ...current,
    ...patch,
    updatedAt,
    objectVersion: current.objectVersion + 1,
  };
  d.s.updateKey.run(toRow(next));
  return next;
}

function mutateKey(
  d: WriteDeps,
  identity: string,
  change: (current: KeyRecord) => KeyPatch,
  updatedAt: string,
  audit: AuditInput | undefined,
): KeyRecord {
  const current = currentKey(d, identity);
  d.changed(identity);
  const next = updateKey(d, current, change(current), updatedAt);
  d.insertAudit(audit);
  return next;
}

function addVersions(
  d: WriteDeps,
  identity: string,
  check: (current: KeyRecord) => void,
  versions: readonly NewVersion[],
  updatedAt: string,
  audit: ((next: KeyRecord) => AuditInput) | undefined,
): KeyRecord {
  const current = currentKey(d, identity);
  check(current);
  d.changed(identity);
  insertVersions(d, identity, current.latestVersion + 1, versions);
  const latestVersion = current.latestVersion + versions.length;
  const next = updateKey(d, current, { latestVersion }, updatedAt);
  if (audit) d.insertAudit(audit(next));
  return next;
}

function purgeKey(d: WriteDeps, identity: string, audit: AuditInput | undefined): void {
  d.s.deleteKey.run(identity);
  d.changed(identity);
  d.insertAudit(audit);
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
  const d: WriteDeps = { s, secrets, insertAudit, changed };
  const insertKeyTx = db.transaction(insertKey);
  const insertManyTx = db.transaction(
    (items: readonly { key: KeyRecord; versions: readonly NewVersion[] }[]) => {
      for (const item of items) insertKey(d, item.key, item.versions, undefined);
    },
  );
  const mutateKeyTx = db.transaction(mutateKey);
  const addVersionsTx = db.transaction(addVersions);
  const purgeTx = db.transaction(purgeKey);

  return {
    /** Inserts a key with its first versions (numbered from 1) in one transaction. */
    insertKey(key: KeyRecord, versions: readonly NewVersion[], audit?: AuditInput): void {
      insertKeyTx(d, key, versions, audit);
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
      return mutateKeyTx(d, identity, change, updatedAt, audit);
    },

    /** Appends versions latestVersion+1.. in one transaction after `check` accepts the key. */
    addVersions(
      identity: string,
      check: (current: KeyRecord) => void,
      versions: readonly NewVersion[],
      updatedAt: string,
      audit?: (next: KeyRecord) => AuditInput,
    ): KeyRecord {
      return addVersionsTx(d, identity, check, versions, updatedAt, audit);
    },

    purgeKey(identity: string, audit?: AuditInput): void {
      purgeTx(d, identity, audit);
    },
  };
}
