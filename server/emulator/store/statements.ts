import type Database from 'better-sqlite3';
import { KEY_COLUMNS, KEY_INSERT_LIST, keySelectList } from './rows';
import type { KeyRow } from './rows';

export interface VersionRow {
  keyIdentity: string;
  version: number;
  createdAt: string;
}

const KEY = keySelectList();
const KEY_K = keySelectList('k.');
const VERSION = 'key_identity AS keyIdentity, version, created_at AS createdAt';

/** The columns a state change writes (the rest of a key never changes). */
const UPDATABLE = [
  'status',
  'rotationEnabled',
  'rotationPeriodDays',
  'deletionScheduledAt',
  'minDecryptionVersion',
  'latestVersion',
  'updatedAt',
  'objectVersion',
] as const;
const UPDATE_SET = UPDATABLE.map((f) => `${KEY_COLUMNS[f]} = @${f}`).join(', ');

/** Every statement the store runs, prepared once when it opens. */
export function prepareStatements(db: Database.Database) {
  return {
    getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
    setMeta: db.prepare<[string, string]>(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
    keyByIdentity: db.prepare<[string], KeyRow>(`SELECT ${KEY} FROM keys WHERE identity = ?`),
    keyInScopeBySlug: db.prepare<[string, string, string, string], KeyRow>(
      `SELECT ${KEY} FROM keys WHERE slug = ? AND org = ? AND region = ? AND project = ?`,
    ),
    insertKey: db.prepare<[KeyRow]>(`INSERT INTO keys ${KEY_INSERT_LIST}`),
    updateKey: db.prepare<[KeyRow]>(`UPDATE keys SET ${UPDATE_SET} WHERE identity = @identity`),
    deleteKey: db.prepare<[string]>('DELETE FROM keys WHERE identity = ?'),
    insertVersion: db.prepare<[string, number, string, Buffer, string | null]>(
      'INSERT INTO key_versions (key_identity, version, created_at, material, public_key) VALUES (?, ?, ?, ?, ?)',
    ),
    versionsOf: db.prepare<[string], VersionRow>(
      `SELECT ${VERSION} FROM key_versions WHERE key_identity = ? ORDER BY version`,
    ),
    versionsInScope: db.prepare<[string, string, string], VersionRow>(
      `SELECT v.key_identity AS keyIdentity, v.version, v.created_at AS createdAt
       FROM key_versions v JOIN keys k ON k.identity = v.key_identity
       WHERE k.org = ? AND k.region = ? AND k.project = ? ORDER BY v.key_identity, v.version`,
    ),
    material: db.prepare<[string, number], { material: Buffer }>(
      'SELECT material FROM key_versions WHERE key_identity = ? AND version = ?',
    ),
    publicKeys: db.prepare<[string], { version: number; publicKey: string | null }>(
      'SELECT version, public_key AS publicKey FROM key_versions WHERE key_identity = ? ORDER BY version',
    ),
    counts: db.prepare<[string, string], { region: string; status: string; n: number }>(
      'SELECT region, status, COUNT(*) AS n FROM keys WHERE org = ? AND project = ? GROUP BY region, status',
    ),
    rotationCandidates: db.prepare<[], KeyRow & { latestCreatedAt: string }>(
      `SELECT ${KEY_K}, v.created_at AS latestCreatedAt FROM keys k
       JOIN key_versions v ON v.key_identity = k.identity AND v.version = k.latest_version
       WHERE k.status = 'active' AND k.rotation_enabled = 1 AND k.rotation_period_days IS NOT NULL`,
    ),
    purgeCandidates: db.prepare<[string], KeyRow>(
      `SELECT ${KEY} FROM keys WHERE status = 'pending_deletion' AND deletion_scheduled_at <= ?`,
    ),
    wrappingKey: db.prepare<[string], { publicKeyPem: string; privateKeySealed: Buffer }>(
      'SELECT public_key_pem AS publicKeyPem, private_key_sealed AS privateKeySealed FROM wrapping_keys WHERE region = ?',
    ),
    insertWrappingKey: db.prepare<[string, string, Buffer, string]>(
      'INSERT OR IGNORE INTO wrapping_keys (region, public_key_pem, private_key_sealed, created_at) VALUES (?, ?, ?, ?)',
    ),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;

/**
 * Prepared statements by SQL text, for queries whose text depends on which filters are set (a
 * bounded number of texts); cleared if it ever grows past `max`.
 */
export function statementCache(db: Database.Database, max = 500) {
  const statements = new Map<string, Database.Statement>();
  return (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= max) statements.clear();
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
}
