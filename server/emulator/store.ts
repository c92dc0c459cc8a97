import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { KEY_TYPE_INFO } from '../../src/contract/index';
import type { KeyStatus, KeyType } from '../../src/contract/index';
import type { AuditInput } from './audit';
import { AUDIT_LOG_MIGRATION, createAuditStore, registerAuditSqlFunctions } from './audit-store';
import { openWithRootKey, sealWithRootKey } from './crypto/index';

/**
 * Durable storage of the emulator: SQLite (WAL) in the data folder. Every change runs in one
 * transaction; key material is sealed under the root key (`root.key`, mode 0600) before it
 * touches the database.
 */

/** '' is the organisation scope; otherwise a project identity. */
export interface Scope {
  org: string;
  project: string;
}

export interface KeyRecord {
  identity: string;
  org: string;
  region: string;
  project: string;
  slug: string;
  name: string;
  description: string | null;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  keyType: KeyType;
  status: KeyStatus;
  exportAllowed: boolean;
  imported: boolean;
  allowRotation: boolean;
  rotationEnabled: boolean;
  rotationPeriodDays: number | null;
  latestVersion: number;
  minDecryptionVersion: number;
  deletionScheduledAt: string | null;
  createdAt: string;
  updatedAt: string;
  objectVersion: number;
}

export interface VersionRecord {
  version: number;
  createdAt: string;
}

export interface NewVersion {
  createdAt: string;
  material: Buffer;
  publicKey: string | null;
}

export interface ListFilters {
  name?: string;
  slug?: string;
  identity?: string;
  status?: KeyStatus;
  keyType?: KeyType;
  matchLabels?: Record<string, string>;
}

export interface StatusCounts {
  total: number;
  active: number;
  disabled: number;
  pendingDeletion: number;
}

/** The fields a state change may set. */
export type KeyPatch = Partial<
  Pick<
    KeyRecord,
    | 'status'
    | 'rotationEnabled'
    | 'rotationPeriodDays'
    | 'deletionScheduledAt'
    | 'minDecryptionVersion'
  >
>;

export class DuplicateSlugError extends Error {
  override name = 'DuplicateSlugError';
}

export class KeyGoneError extends Error {
  override name = 'KeyGoneError';
}

const ROOT_KEY_FILE = 'root.key';
const DB_FILE = 'kms.sqlite';

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

interface KeyRow {
  identity: string;
  org: string;
  region: string;
  project: string;
  slug: string;
  name: string;
  description: string | null;
  labels: string;
  annotations: string;
  key_type: string;
  status: string;
  export_allowed: number;
  imported: number;
  allow_rotation: number;
  rotation_enabled: number;
  rotation_period_days: number | null;
  latest_version: number;
  min_decryption_version: number;
  deletion_scheduled_at: string | null;
  created_at: string;
  updated_at: string;
  object_version: number;
}

interface VersionRow {
  key_identity: string;
  version: number;
  created_at: string;
}

/** Stored JSON of labels/annotations back to a string map (written by this module only). */
function parseStringMap(json: string): Record<string, string> {
  const value: unknown = JSON.parse(json);
  const out: Record<string, string> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out;
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}

function isKeyType(value: string): value is KeyType {
  return Object.hasOwn(KEY_TYPE_INFO, value);
}

function isKeyStatus(value: string): value is KeyStatus {
  return value === 'active' || value === 'disabled' || value === 'pending_deletion';
}

function rowToKey(row: KeyRow): KeyRecord {
  const keyType = row.key_type;
  const status = row.status;
  if (!isKeyType(keyType) || !isKeyStatus(status)) {
    throw new Error(`Corrupt key row ${row.identity}: type ${keyType}, status ${status}`);
  }
  return {
    identity: row.identity,
    org: row.org,
    region: row.region,
    project: row.project,
    slug: row.slug,
    name: row.name,
    description: row.description,
    labels: parseStringMap(row.labels),
    annotations: parseStringMap(row.annotations),
    keyType,
    status,
    exportAllowed: row.export_allowed === 1,
    imported: row.imported === 1,
    allowRotation: row.allow_rotation === 1,
    rotationEnabled: row.rotation_enabled === 1,
    rotationPeriodDays: row.rotation_period_days,
    latestVersion: row.latest_version,
    minDecryptionVersion: row.min_decryption_version,
    deletionScheduledAt: row.deletion_scheduled_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    objectVersion: row.object_version,
  };
}

function keyToRow(key: KeyRecord): KeyRow {
  return {
    identity: key.identity,
    org: key.org,
    region: key.region,
    project: key.project,
    slug: key.slug,
    name: key.name,
    description: key.description,
    labels: JSON.stringify(key.labels),
    annotations: JSON.stringify(key.annotations),
    key_type: key.keyType,
    status: key.status,
    export_allowed: key.exportAllowed ? 1 : 0,
    imported: key.imported ? 1 : 0,
    allow_rotation: key.allowRotation ? 1 : 0,
    rotation_enabled: key.rotationEnabled ? 1 : 0,
    rotation_period_days: key.rotationPeriodDays,
    latest_version: key.latestVersion,
    min_decryption_version: key.minDecryptionVersion,
    deletion_scheduled_at: key.deletionScheduledAt,
    created_at: key.createdAt,
    updated_at: key.updatedAt,
    object_version: key.objectVersion,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof Database.SqliteError &&
    (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
  );
}

/** Writes a file atomically with mode 0600 (temp file, fsync, rename). */
function writeSecretFile(path: string, data: Buffer | string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/** Reads a secret file, tightening its mode to 0600 if it was looser. */
function readSecretFile(path: string): Buffer {
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  return readFileSync(path);
}

/** Reads the data folder's secret file, or creates it with `make()` (mode 0600). */
export function loadOrCreateSecretFile(
  dataDir: string,
  name: string,
  make: () => Buffer | string,
): { value: Buffer; created: boolean; path: string } {
  const path = join(dataDir, name);
  if (existsSync(path)) return { value: readSecretFile(path), created: false, path };
  writeSecretFile(path, make());
  return { value: readFileSync(path), created: true, path };
}

export function ensureDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
}

export type Store = ReturnType<typeof openStore>;

export function openStore(dataDir: string) {
  ensureDataDir(dataDir);
  const rootKeyFile = loadOrCreateSecretFile(dataDir, ROOT_KEY_FILE, () => randomBytes(32));
  const rootKey = rootKeyFile.value;
  if (rootKey.length !== 32) {
    throw new Error(`${rootKeyFile.path} must hold exactly 32 bytes (found ${rootKey.length})`);
  }

  const db = new Database(join(dataDir, DB_FILE));
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

  const materialAad = (identity: string, version: number) => `kms-key:${identity}:v${version}`;
  const wrappingAad = (region: string) => `wrapping-key:${region}`;

  const s = {
    getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
    setMeta: db.prepare<[string, string]>(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
    keyByIdentity: db.prepare<[string], KeyRow>('SELECT * FROM keys WHERE identity = ?'),
    keyInScopeByIdentity: db.prepare<[string, string, string, string], KeyRow>(
      'SELECT * FROM keys WHERE identity = ? AND org = ? AND region = ? AND project = ?',
    ),
    keyInScopeBySlug: db.prepare<[string, string, string, string], KeyRow>(
      'SELECT * FROM keys WHERE slug = ? AND org = ? AND region = ? AND project = ?',
    ),
    insertKey: db.prepare<[KeyRow]>(
      `INSERT INTO keys (identity, org, region, project, slug, name, description, labels, annotations,
        key_type, status, export_allowed, imported, allow_rotation, rotation_enabled, rotation_period_days,
        latest_version, min_decryption_version, deletion_scheduled_at, created_at, updated_at, object_version)
       VALUES (@identity, @org, @region, @project, @slug, @name, @description, @labels, @annotations,
        @key_type, @status, @export_allowed, @imported, @allow_rotation, @rotation_enabled, @rotation_period_days,
        @latest_version, @min_decryption_version, @deletion_scheduled_at, @created_at, @updated_at, @object_version)`,
    ),
    updateKey: db.prepare<[KeyRow]>(
      `UPDATE keys SET status = @status, rotation_enabled = @rotation_enabled,
        rotation_period_days = @rotation_period_days, deletion_scheduled_at = @deletion_scheduled_at,
        min_decryption_version = @min_decryption_version, latest_version = @latest_version,
        updated_at = @updated_at, object_version = @object_version
       WHERE identity = @identity`,
    ),
    deleteKey: db.prepare<[string]>('DELETE FROM keys WHERE identity = ?'),
    insertVersion: db.prepare<[string, number, string, Buffer, string | null]>(
      'INSERT INTO key_versions (key_identity, version, created_at, material, public_key) VALUES (?, ?, ?, ?, ?)',
    ),
    versionsOf: db.prepare<[string], VersionRow>(
      'SELECT key_identity, version, created_at FROM key_versions WHERE key_identity = ? ORDER BY version',
    ),
    versionsInScope: db.prepare<[string, string, string], VersionRow>(
      `SELECT v.key_identity, v.version, v.created_at FROM key_versions v JOIN keys k ON k.identity = v.key_identity
       WHERE k.org = ? AND k.region = ? AND k.project = ? ORDER BY v.key_identity, v.version`,
    ),
    material: db.prepare<[string, number], { material: Buffer }>(
      'SELECT material FROM key_versions WHERE key_identity = ? AND version = ?',
    ),
    publicKeys: db.prepare<[string], { version: number; public_key: string | null }>(
      'SELECT version, public_key FROM key_versions WHERE key_identity = ? ORDER BY version',
    ),
    counts: db.prepare<[string, string], { region: string; status: string; n: number }>(
      'SELECT region, status, COUNT(*) AS n FROM keys WHERE org = ? AND project = ? GROUP BY region, status',
    ),
    rotationCandidates: db.prepare<[], KeyRow & { latest_created_at: string }>(
      `SELECT k.*, v.created_at AS latest_created_at FROM keys k
       JOIN key_versions v ON v.key_identity = k.identity AND v.version = k.latest_version
       WHERE k.status = 'active' AND k.rotation_enabled = 1 AND k.rotation_period_days IS NOT NULL`,
    ),
    purgeCandidates: db.prepare<[string], KeyRow>(
      `SELECT * FROM keys WHERE status = 'pending_deletion' AND deletion_scheduled_at <= ?`,
    ),
    wrappingKey: db.prepare<[string], { public_key_pem: string; private_key_sealed: Buffer }>(
      'SELECT public_key_pem, private_key_sealed FROM wrapping_keys WHERE region = ?',
    ),
    insertWrappingKey: db.prepare<[string, string, Buffer, string]>(
      'INSERT OR IGNORE INTO wrapping_keys (region, public_key_pem, private_key_sealed, created_at) VALUES (?, ?, ?, ?)',
    ),
  };

  // Audit records are written at once, in the caller's transaction when there is one: an
  // operation's answer leaves only after its record is committed.
  const audits = createAuditStore(db);
  const insertAudit = (audit: AuditInput | undefined) => {
    if (audit) audits.insert(audit);
  };

  const insertVersions = (identity: string, first: number, versions: readonly NewVersion[]) => {
    versions.forEach((v, i) => {
      const version = first + i;
      const sealed = sealWithRootKey(rootKey, v.material, materialAad(identity, version));
      s.insertVersion.run(identity, version, v.createdAt, sealed, v.publicKey);
    });
  };

  const insertKeyTx = db.transaction(
    (key: KeyRecord, versions: readonly NewVersion[], audit: AuditInput | undefined) => {
      try {
        s.insertKey.run(keyToRow(key));
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
      const row = s.keyByIdentity.get(identity);
      if (!row) throw new KeyGoneError(identity);
      const current = rowToKey(row);
      const next: KeyRecord = {
        ...current,
        ...change(current),
        updatedAt,
        objectVersion: current.objectVersion + 1,
      };
      s.updateKey.run(keyToRow(next));
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
      const row = s.keyByIdentity.get(identity);
      if (!row) throw new KeyGoneError(identity);
      const current = rowToKey(row);
      check(current);
      insertVersions(identity, current.latestVersion + 1, versions);
      const next: KeyRecord = {
        ...current,
        latestVersion: current.latestVersion + versions.length,
        updatedAt,
        objectVersion: current.objectVersion + 1,
      };
      s.updateKey.run(keyToRow(next));
      if (audit) insertAudit(audit(next));
      return next;
    },
  );

  const purgeTx = db.transaction((identity: string, audit: AuditInput | undefined) => {
    s.deleteKey.run(identity);
    insertAudit(audit);
  });

  const insertManyTx = db.transaction(
    (items: readonly { key: KeyRecord; versions: readonly NewVersion[] }[]) => {
      for (const item of items) insertKeyTx(item.key, item.versions, undefined);
    },
  );

  return {
    rootKeyPath: rootKeyFile.path,

    getMeta(key: string): string | undefined {
      return s.getMeta.get(key)?.value;
    },
    setMeta(key: string, value: string): void {
      s.setMeta.run(key, value);
    },

    getKey(identity: string): KeyRecord | undefined {
      const row = s.keyByIdentity.get(identity);
      return row ? rowToKey(row) : undefined;
    },

    /** `{id}` lookup: identity first, then slug, within one org + region + project scope. */
    findKey(scope: Scope, region: string, idOrSlug: string): KeyRecord | undefined {
      const row =
        s.keyInScopeByIdentity.get(idOrSlug, scope.org, region, scope.project) ??
        s.keyInScopeBySlug.get(idOrSlug, scope.org, region, scope.project);
      return row ? rowToKey(row) : undefined;
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
      const where = ['org = ?', 'region = ?', 'project = ?'];
      const params: string[] = [scope.org, region, scope.project];
      const columns = {
        name: 'name',
        slug: 'slug',
        identity: 'identity',
        status: 'status',
        keyType: 'key_type',
      } as const;
      for (const field of ['name', 'slug', 'identity', 'status', 'keyType'] as const) {
        const value = filters[field];
        if (value !== undefined) {
          where.push(`${columns[field]} = ?`);
          params.push(value);
        }
      }
      const rows = db
        .prepare<string[], KeyRow>(
          `SELECT * FROM keys WHERE ${where.join(' AND ')} ORDER BY created_at, rowid`,
        )
        .all(...params);
      const labelFilter = Object.entries(filters.matchLabels ?? {});
      const keys = rows
        .map(rowToKey)
        .filter((k) => labelFilter.every(([name, value]) => k.labels[name] === value));
      if (keys.length === 0) return [];
      const byKey = new Map<string, VersionRecord[]>();
      const wanted = new Set(keys.map((k) => k.identity));
      const versionRows =
        keys.length === 1 && keys[0]
          ? s.versionsOf.all(keys[0].identity)
          : s.versionsInScope.all(scope.org, region, scope.project);
      for (const v of versionRows) {
        if (!wanted.has(v.key_identity)) continue;
        let list = byKey.get(v.key_identity);
        if (!list) byKey.set(v.key_identity, (list = []));
        list.push({ version: v.version, createdAt: v.created_at });
      }
      return keys.map((key) => ({ key, versions: byKey.get(key.identity) ?? [] }));
    },

    versionsOf(identity: string): VersionRecord[] {
      return s.versionsOf
        .all(identity)
        .map((v) => ({ version: v.version, createdAt: v.created_at }));
    },

    /** Opens one version's material; undefined when the version does not exist. */
    openMaterial(identity: string, version: number): Buffer | undefined {
      const row = s.material.get(identity, version);
      return row
        ? openWithRootKey(rootKey, row.material, materialAad(identity, version))
        : undefined;
    },

    publicKeys(identity: string): { version: number; publicKey: string | null }[] {
      return s.publicKeys
        .all(identity)
        .map((r) => ({ version: r.version, publicKey: r.public_key }));
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

    rotationCandidates(): { key: KeyRecord; latestCreatedAt: string }[] {
      return s.rotationCandidates
        .all()
        .map((row) => ({ key: rowToKey(row), latestCreatedAt: row.latest_created_at }));
    },

    purgeCandidates(nowIso: string): KeyRecord[] {
      return s.purgeCandidates.all(nowIso).map(rowToKey);
    },

    getWrappingKey(region: string): { publicKeyPem: string; privateKeyPem: string } | undefined {
      const row = s.wrappingKey.get(region);
      if (!row) return undefined;
      const privateKeyPem = openWithRootKey(
        rootKey,
        row.private_key_sealed,
        wrappingAad(region),
      ).toString('utf8');
      return { publicKeyPem: row.public_key_pem, privateKeyPem };
    },

    /** Stores a region's wrapping key unless one exists already (the first one wins). */
    putWrappingKey(
      region: string,
      pair: { publicKeyPem: string; privateKeyPem: string },
      createdAt: string,
    ): void {
      const sealed = sealWithRootKey(
        rootKey,
        Buffer.from(pair.privateKeyPem, 'utf8'),
        wrappingAad(region),
      );
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
