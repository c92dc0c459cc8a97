import Database from 'better-sqlite3';
import { AUDIT_LOG_MIGRATION, registerAuditSqlFunctions } from './audit-schema';

/** Each entry moves the schema from version i to i + 1 (PRAGMA user_version). */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE keys (
    identity TEXT PRIMARY KEY,
    org TEXT NOT NULL,
    region TEXT NOT NULL,
    project TEXT NOT NULL,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT,
    labels TEXT NOT NULL,
    annotations TEXT NOT NULL,
    key_type TEXT NOT NULL,
    status TEXT NOT NULL,
    export_allowed INTEGER NOT NULL,
    imported INTEGER NOT NULL,
    allow_rotation INTEGER NOT NULL,
    rotation_enabled INTEGER NOT NULL,
    rotation_period_days INTEGER,
    latest_version INTEGER NOT NULL,
    min_decryption_version INTEGER NOT NULL,
    deletion_scheduled_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    object_version INTEGER NOT NULL,
    UNIQUE (org, region, project, slug)
  );
  CREATE INDEX keys_by_scope ON keys (org, region, project, created_at);
  CREATE INDEX keys_by_status ON keys (status);
  CREATE TABLE key_versions (
    key_identity TEXT NOT NULL REFERENCES keys (identity) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    material BLOB NOT NULL,
    public_key TEXT,
    PRIMARY KEY (key_identity, version)
  ) WITHOUT ROWID;
  CREATE TABLE wrapping_keys (
    region TEXT PRIMARY KEY,
    public_key_pem TEXT NOT NULL,
    private_key_sealed BLOB NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE audit_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org TEXT NOT NULL,
    project TEXT NOT NULL,
    region TEXT,
    action TEXT NOT NULL,
    resource_type TEXT NOT NULL,
    resource_identity TEXT NOT NULL,
    key_version TEXT,
    outcome TEXT NOT NULL,
    status INTEGER NOT NULL,
    time TEXT NOT NULL,
    client TEXT
  );
  CREATE INDEX audit_by_resource ON audit_events (org, project, resource_type, resource_identity, time, id);
  CREATE INDEX audit_by_scope ON audit_events (org, project, time, id);
  `,
  AUDIT_LOG_MIGRATION,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Opens the database in WAL mode and brings its schema up to SCHEMA_VERSION, one transaction
 * per migration. Refuses a database written by a newer emulator.
 */
export function openDatabase(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode survives a process crash (kill -9); FULL would also survive power loss.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');

  const current = Number(db.pragma('user_version', { simple: true }));
  if (current > SCHEMA_VERSION) {
    db.close();
    throw new Error(
      `The data folder was written by a newer emulator (schema ${current}, this one knows ${SCHEMA_VERSION})`,
    );
  }
  registerAuditSqlFunctions(db);
  for (let v = current; v < SCHEMA_VERSION; v++) {
    const sql = MIGRATIONS[v] ?? '';
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return db;
}
