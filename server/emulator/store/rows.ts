import { KEY_STATUSES, KEY_TYPE_INFO } from '../../../src/contract/index';
import type { KeyStatus, KeyType } from '../../../src/contract/index';

/**
 * The one shape of a key in the emulator (domain and store alike). Its table row is derived
 * from it: the column of each field is named once in KEY_COLUMNS, booleans are stored as 0/1 and
 * string maps as JSON, and SELECTs alias the columns back to the field names.
 */
export interface KeyRecord {
  identity: string;
  org: string;
  region: string;
  /** '' is the organisation scope; otherwise a project identity. */
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

/** '' is the organisation scope; otherwise a project identity. */
export interface Scope {
  org: string;
  project: string;
}

export interface VersionRecord {
  version: number;
  createdAt: string;
}

/** A version about to be stored: its material is sealed on the way in. */
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

/** The column of each field of KeyRecord in the `keys` table. */
export const KEY_COLUMNS = {
  identity: 'identity',
  org: 'org',
  region: 'region',
  project: 'project',
  slug: 'slug',
  name: 'name',
  description: 'description',
  labels: 'labels',
  annotations: 'annotations',
  keyType: 'key_type',
  status: 'status',
  exportAllowed: 'export_allowed',
  imported: 'imported',
  allowRotation: 'allow_rotation',
  rotationEnabled: 'rotation_enabled',
  rotationPeriodDays: 'rotation_period_days',
  latestVersion: 'latest_version',
  minDecryptionVersion: 'min_decryption_version',
  deletionScheduledAt: 'deletion_scheduled_at',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  objectVersion: 'object_version',
} as const satisfies Record<keyof KeyRecord, string>;

/** SQLite's type for a field: 0/1 for booleans, JSON text for maps, any text for enums. */
type Stored<T> = T extends boolean
  ? number
  : T extends Record<string, string>
    ? string
    : T extends string
      ? string
      : T;

/** A KeyRecord as SQLite holds it (the same field names, SQLite's value types). */
export type KeyRow = { [F in keyof KeyRecord]: Stored<KeyRecord[F]> };

const FIELDS = Object.keys(KEY_COLUMNS) as (keyof KeyRecord)[];

/** `col AS field, ...` for SELECT, optionally qualified by a table alias (`k.`). */
export function keySelectList(alias = ''): string {
  return FIELDS.map((f) => `${alias}${KEY_COLUMNS[f]} AS ${f}`).join(', ');
}

/** `(columns) VALUES (@fields)` for INSERT. */
export const KEY_INSERT_LIST = `(${FIELDS.map((f) => KEY_COLUMNS[f]).join(', ')}) VALUES (${FIELDS.map((f) => `@${f}`).join(', ')})`;

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
  return (KEY_STATUSES as readonly string[]).includes(value);
}

export function fromRow(row: KeyRow): KeyRecord {
  const { keyType, status } = row;
  if (!isKeyType(keyType) || !isKeyStatus(status)) {
    throw new Error(`Corrupt key row ${row.identity}: type ${keyType}, status ${status}`);
  }
  return {
    ...row,
    keyType,
    status,
    labels: parseStringMap(row.labels),
    annotations: parseStringMap(row.annotations),
    exportAllowed: row.exportAllowed === 1,
    imported: row.imported === 1,
    allowRotation: row.allowRotation === 1,
    rotationEnabled: row.rotationEnabled === 1,
  };
}

export function toRow(key: KeyRecord): KeyRow {
  return {
    ...key,
    labels: JSON.stringify(key.labels),
    annotations: JSON.stringify(key.annotations),
    exportAllowed: key.exportAllowed ? 1 : 0,
    imported: key.imported ? 1 : 0,
    allowRotation: key.allowRotation ? 1 : 0,
    rotationEnabled: key.rotationEnabled ? 1 : 0,
  };
}
