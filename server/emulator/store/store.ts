import type { AuditInput } from '../audit';
import { ensureDataDir, prepareDatabaseFile } from '../data-dir';
import { createAuditStore } from './audit-store';
import { createKeyReads } from './key-reads';
import { createKeyRecordCache } from './key-record-cache';
import { createKeyWrites } from './key-writes';
import { createMaterialCache } from './material-cache';
import { openDatabase } from './schema';
import { openSecrets } from './secrets';
import { createSealedRows } from './sealed-rows';
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

/** The store: key reads, sealed rows and key writes (one module each) over one database. */
export function openStore(dataDir: string) {
  ensureDataDir(dataDir);
  const secrets = openSecrets(dataDir);
  const db = openDatabase(prepareDatabaseFile(dataDir, DB_FILE));
  const s = prepareStatements(db);

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

  return {
    rootKeyPath: secrets.rootKeyPath,

    getMeta(key: string): string | undefined {
      return s.getMeta.get(key)?.value;
    },
    setMeta(key: string, value: string): void {
      s.setMeta.run(key, value);
    },

    ...createKeyReads(db, s, statementCache(db, 64), records),
    ...createSealedRows(s, secrets, materials),
    ...createKeyWrites(db, s, secrets, insertAudit, changed),

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
