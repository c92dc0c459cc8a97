import type { AuditInput } from '../audit';
import { ensureDataDir, prepareDatabaseFile } from '../data-dir';
import { createAuditStore } from './audit-store';
import { createKeyWrites } from './key-writes';
import { listKeys } from './key-list';
import { createKeyRecordCache } from './key-record-cache';
import { createMaterialCache } from './material-cache';
import { fromRow } from './rows';
import type { KeyRecord, ListFilters, Scope, StatusCounts, VersionRecord } from './rows';
import { openDatabase } from './schema';
import { openSecrets } from './secrets';
import { prepareStatements, statementCache } from './statements';

/**
 * Durable storage of the emulator: SQLite (WAL) in the data folder. Every change runs in one
 * transaction; key material is sealed under the root key (`root.key`, mode 0600) before it
 * touches the database.
 */

export type {
  KeyPatch,
  KeyRecord,
  ListFilters,
  NewVersion,
  Scope,
  StatusCounts,
  VersionRecord,
} from './rows';
export { DuplicateSlugError, KeyGoneError } from './errors';
export { MIGRATIONS, SCHEMA_VERSION } from './schema';

const DB_FILE = 'kms.sqlite';

export type Store = ReturnType<typeof openStore>;

export function openStore(dataDir: string) {
  ensureDataDir(dataDir);
  const secrets = openSecrets(dataDir);
  const db = openDatabase(prepareDatabaseFile(dataDir, DB_FILE));
  const s = prepareStatements(db);
  const prepared = statementCache(db, 64);

  // Audit records are written at once, in the caller's transaction when there is one: an
  // operation's answer leaves only after its record is committed.
  const audits = createAuditStore(db);
  const insertAudit = (audit: AuditInput | undefined) => {
    if (audit) audits.insert(audit);
  };

  // Unsealed material of recently used keys; every write that changes a key clears its entry.
  const materials = createMaterialCache();
  // Key records of recently looked-up keys, cleared by the same writes.
  const records = createKeyRecordCache();
  const changed = (identity: string) => {
    materials.clear(identity);
    records.clear(identity);
  };
  const writes = createKeyWrites(db, s, secrets, insertAudit, changed);
  const keyByIdentity = (identity: string): KeyRecord | undefined => {
    const cached = records.get(identity);
    if (cached) return cached;
    const row = s.keyByIdentity.get(identity);
    if (!row) return undefined;
    return db.inTransaction ? fromRow(row) : records.set(fromRow(row));
  };

  return {
    rootKeyPath: secrets.rootKeyPath,

    getMeta(key: string): string | undefined {
      return s.getMeta.get(key)?.value;
    },
    setMeta(key: string, value: string): void {
      s.setMeta.run(key, value);
    },

    getKey(identity: string): KeyRecord | undefined {
      const row = s.keyByIdentity.get(identity);
      return row ? fromRow(row) : undefined;
    },

    /** `{id}` lookup: identity first, then slug, within one org + region + project scope. */
    findKey(scope: Scope, region: string, idOrSlug: string): KeyRecord | undefined {
      const byIdentity = keyByIdentity(idOrSlug);
      if (
        byIdentity?.org === scope.org &&
        byIdentity.region === region &&
        byIdentity.project === scope.project
      )
        return byIdentity;
      const row = s.keyInScopeBySlug.get(idOrSlug, scope.org, region, scope.project);
      return row ? fromRow(row) : undefined;
    },

    slugTaken(scope: Scope, region: string, slug: string): boolean {
      return s.keyInScopeBySlug.get(slug, scope.org, region, scope.project) !== undefined;
    },

    /** Keys of one scope and region matching every filter, oldest first, with their versions. */
    listKeys(
      scope: Scope,
      region: string,
      filters: ListFilters,
    ): { key: KeyRecord; versions: VersionRecord[] }[] {
      return listKeys(s, prepared, { scope, region, filters });
    },

    versionsOf(identity: string): VersionRecord[] {
      return s.versionsOf
        .all(identity)
        .map((v) => ({ version: v.version, createdAt: v.createdAt }));
    },

    /** Opens one version's material (cached); undefined when the version does not exist. */
    openMaterial(identity: string, version: number): Buffer | undefined {
      const cached = materials.get(identity, version);
      if (cached) return cached;
      const row = s.material.get(identity, version);
      if (!row) return undefined;
      const material = secrets.openMaterial(identity, version, row.material);
      materials.set(identity, version, material);
      return material;
    },

    /** The versions of a key whose unsealed material is cached now (tests, diagnostics). */
    cachedMaterialVersions(identity: string): number[] {
      return materials.versionsOf(identity);
    },

    publicKeys(identity: string): { version: number; publicKey: string | null }[] {
      return s.publicKeys.all(identity);
    },

    /** Key counts per region and status for one scope. */
    countsByRegion(scope: Scope): Map<string, StatusCounts> {
      const out = new Map<string, StatusCounts>();
      for (const row of s.counts.all(scope.org, scope.project)) {
        let c = out.get(row.region);
        if (!c) out.set(row.region, (c = { total: 0, active: 0, disabled: 0, pendingDeletion: 0 }));
        c.total += row.n;
        if (row.status === 'active') c.active += row.n;
        else if (row.status === 'disabled') c.disabled += row.n;
        else if (row.status === 'pending_deletion') c.pendingDeletion += row.n;
      }
      return out;
    },

    ...writes,

    rotationCandidates(): { key: KeyRecord; latestCreatedAt: string }[] {
      return s.rotationCandidates
        .all()
        .map((row) => ({ key: fromRow(row), latestCreatedAt: row.latestCreatedAt }));
    },

    purgeCandidates(nowIso: string): KeyRecord[] {
      return s.purgeCandidates.all(nowIso).map(fromRow);
    },

    getWrappingKey(region: string): { publicKeyPem: string; privateKeyPem: string } | undefined {
      const row = s.wrappingKey.get(region);
      if (!row) return undefined;
      const privateKeyPem = secrets.openWrappingKey(region, row.privateKeySealed);
      return { publicKeyPem: row.publicKeyPem, privateKeyPem };
    },

    /** Stores a region's wrapping key unless one exists already (the first one wins). */
    putWrappingKey(
      region: string,
      pair: { publicKeyPem: string; privateKeyPem: string },
      createdAt: string,
    ): void {
      const sealed = secrets.sealWrappingKey(region, pair.privateKeyPem);
      s.insertWrappingKey.run(region, pair.publicKeyPem, sealed, createdAt);
    },

    /** Writes an audit record; resolves once it is committed (group commit, see audit-store). */
    recordAudit(audit: AuditInput): Promise<void> {
      return audits.record(audit);
    },

    /** The audit log: paged reads and bulk inserts (seeding). */
    audit: audits,

    /** Runs `fn` in one transaction (nested calls become savepoints). */
    transaction<T>(fn: () => T): T {
      return db.transaction(fn)();
    },

    close(): void {
      if (db.open) audits.flush();
      if (db.open) db.close();
    },
  };
}
