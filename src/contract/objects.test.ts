import { describe, expect, it } from 'vitest';
import {
  errorBodySchema,
  keyListSchema,
  keySchema,
  keyVersionSchema,
  summarySchema,
  timestampSchema,
} from './objects';
import {
  decryptResponseSchema,
  encryptResponseSchema,
  exportResponseSchema,
  hmacResponseSchema,
  publicKeyResponseSchema,
  signResponseSchema,
  verifyHmacResponseSchema,
  verifyResponseSchema,
  wrappingKeyResponseSchema,
} from './responses';

const T = '2026-01-02T03:04:05Z';

/** A Key with every field of the API's Key object. */
function fullKey(): Record<string, unknown> {
  return {
    identity: 'kms-abc123',
    name: 'Billing key',
    slug: 'billing-key',
    description: 'For invoices',
    labels: { env: 'prod' },
    annotations: { note: 'free text' },
    projectId: 'prj-1',
    keyType: 'aes256-gcm96',
    status: 'pending_deletion',
    exportAllowed: false,
    imported: false,
    keyRotationEnabled: true,
    rotationPeriodInDays: 90,
    latestVersion: 2,
    minDecryptionVersion: 1,
    versions: [
      { version: 1, status: 'active', createdAt: T },
      { version: 2, status: 'active', createdAt: T },
    ],
    deletionScheduledAt: '2026-02-01T03:04:05.123456789+01:00',
    createdAt: T,
    updatedAt: T,
    objectVersion: 7,
    organisation: { identity: 'org-1', name: 'Acme', slug: 'acme' },
  };
}

const REQUIRED_KEY_FIELDS = [
  'identity',
  'name',
  'slug',
  'keyType',
  'status',
  'exportAllowed',
  'imported',
  'keyRotationEnabled',
  'latestVersion',
  'minDecryptionVersion',
  'versions',
  'createdAt',
  'updatedAt',
  'objectVersion',
];
const OPTIONAL_KEY_FIELDS = [
  'description',
  'labels',
  'annotations',
  'projectId',
  'rotationPeriodInDays',
  'deletionScheduledAt',
  'organisation',
];

function without(obj: Record<string, unknown>, field: string): Record<string, unknown> {
  const copy = { ...obj };
  delete copy[field];
  return copy;
}

describe('keySchema', () => {
  it('parses a full key', () => {
    expect(keySchema.parse(fullKey())).toEqual(fullKey());
  });

  it('accepts and drops unknown extra fields, also in nested objects', () => {
    const raw = {
      ...fullKey(),
      futureField: { nested: true },
      versions: [{ version: 1, status: 'active', createdAt: T, extra: 1 }],
      organisation: { identity: 'org-1', name: 'Acme', slug: 'acme', tier: 'gold' },
    };
    const key = keySchema.parse(raw);
    expect(key).not.toHaveProperty('futureField');
    expect(key.versions[0]).toEqual({ version: 1, status: 'active', createdAt: T });
    expect(key.organisation).toEqual({ identity: 'org-1', name: 'Acme', slug: 'acme' });
  });

  it.each(REQUIRED_KEY_FIELDS.map((f) => [f]))('rejects a key without %s', (field) => {
    expect(keySchema.safeParse(without(fullKey(), field)).success).toBe(false);
  });

  it.each(OPTIONAL_KEY_FIELDS.map((f) => [f]))('accepts a key without %s', (field) => {
    expect(keySchema.safeParse(without(fullKey(), field)).success).toBe(true);
  });

  it.each([
    ['identity without kms- prefix', { identity: 'abc123' }],
    ['unknown status', { status: 'deleted' }],
    ['unknown keyType', { keyType: 'rsa-1024' }],
    ['latestVersion as a string', { latestVersion: '2' }],
    ['fractional rotation period', { rotationPeriodInDays: 1.5 }],
    ['non-RFC-3339 createdAt', { createdAt: 'yesterday' }],
    ['createdAt without offset', { createdAt: '2026-01-02T03:04:05' }],
    ['non-string label value', { labels: { env: 1 } }],
  ])('rejects %s', (_, patch) => {
    expect(keySchema.safeParse({ ...fullKey(), ...patch }).success).toBe(false);
  });

  it.each([['active'], ['disabled'], ['pending_deletion']])('accepts status %s', (status) => {
    expect(keySchema.safeParse({ ...fullKey(), status }).success).toBe(true);
  });

  it('keeps labels and annotations as sent (no syntax check on responses)', () => {
    const key = keySchema.parse({ ...fullKey(), labels: { 'odd key!': ' x ' } });
    expect(key.labels).toEqual({ 'odd key!': ' x ' });
  });

  it('keyListSchema is a bare array of keys', () => {
    expect(keyListSchema.parse([fullKey(), fullKey()])).toHaveLength(2);
    expect(keyListSchema.parse([])).toEqual([]);
    expect(keyListSchema.safeParse({ items: [fullKey()] }).success).toBe(false);
  });
});

describe('versions[]', () => {
  it.each([['active'], ['retired'], ['destroyed'], ['SOMETHING_NEW'], ['']])(
    'accepts status %j',
    (status) => {
      expect(keyVersionSchema.safeParse({ version: 1, status, createdAt: T }).success).toBe(true);
    },
  );

  it.each([
    ['version 0', { version: 0, status: 'active', createdAt: T }],
    ['version as a string', { version: '1', status: 'active', createdAt: T }],
    ['missing status', { version: 1, createdAt: T }],
    ['status not a string', { version: 1, status: 1, createdAt: T }],
    ['missing createdAt', { version: 1, status: 'active' }],
  ])('rejects %s', (_, v) => {
    expect(keyVersionSchema.safeParse(v).success).toBe(false);
  });
});

describe('timestampSchema (RFC 3339)', () => {
  it.each([
    ['Z', '2026-01-02T03:04:05Z', true],
    ['fractional seconds (Go RFC3339Nano)', '2026-01-02T03:04:05.123456789Z', true],
    ['numeric offset', '2026-01-02T03:04:05+02:00', true],
    ['no offset', '2026-01-02T03:04:05', false],
    ['date only', '2026-01-02', false],
  ])('%s -> valid: %s', (_, t, valid) => {
    expect(timestampSchema.safeParse(t).success).toBe(valid);
  });
});

function region(): Record<string, unknown> {
  return {
    identity: 'reg-1',
    name: 'Netherlands 1',
    slug: 'nl-01',
    kmsAvailable: true,
    totalKeys: 3,
    activeKeys: 1,
    disabledKeys: 1,
    pendingDeletionKeys: 1,
  };
}
function summary(): Record<string, unknown> {
  return { featureEnabled: true, regions: [region()] };
}
const REGION_FIELDS = [
  'identity',
  'name',
  'slug',
  'kmsAvailable',
  'totalKeys',
  'activeKeys',
  'disabledKeys',
  'pendingDeletionKeys',
];

describe('summarySchema', () => {
  it('parses a summary and the feature-off form', () => {
    expect(summarySchema.parse(summary())).toEqual(summary());
    expect(summarySchema.parse({ featureEnabled: false, regions: [] })).toEqual({
      featureEnabled: false,
      regions: [],
    });
  });

  it('accepts unknown extra fields at both levels', () => {
    const raw = { ...summary(), extra: 1, regions: [{ ...region(), location: 'Amsterdam' }] };
    expect(summarySchema.safeParse(raw).success).toBe(true);
  });

  it.each([['featureEnabled'], ['regions']])('rejects a summary without %s', (field) => {
    expect(summarySchema.safeParse(without(summary(), field)).success).toBe(false);
  });

  it.each(REGION_FIELDS.map((f) => [f]))('rejects a region without %s', (field) => {
    const raw = { ...summary(), regions: [without(region(), field)] };
    expect(summarySchema.safeParse(raw).success).toBe(false);
  });

  it('rejects negative counts', () => {
    const raw = { ...summary(), regions: [{ ...region(), totalKeys: -1 }] };
    expect(summarySchema.safeParse(raw).success).toBe(false);
  });
});

describe('errorBodySchema', () => {
  it('is {message}, extra fields tolerated', () => {
    expect(errorBodySchema.parse({ message: 'nope', code: 'X' })).toEqual({ message: 'nope' });
    expect(errorBodySchema.safeParse({ error: 'nope' }).success).toBe(false);
  });
});

type Case = [
  name: string,
  schema: { safeParse(v: unknown): { success: boolean } },
  valid: Record<string, unknown>,
  required: string[],
];
const RESPONSES: Case[] = [
  [
    'encrypt',
    encryptResponseSchema,
    { ciphertext: 'thalassa:v1:AAAA', keyVersion: '1' },
    ['ciphertext', 'keyVersion'],
  ],
  [
    'decrypt',
    decryptResponseSchema,
    { plaintext: 'AAAA', keyVersion: '1' },
    ['plaintext', 'keyVersion'],
  ],
  [
    'sign',
    signResponseSchema,
    { signature: 'thalassa:v1:AAAA', keyVersion: '2' },
    ['signature', 'keyVersion'],
  ],
  ['verify', verifyResponseSchema, { valid: false }, ['valid']],
  [
    'hmac',
    hmacResponseSchema,
    { hmac: 'thalassa:v1:AAAA', keyVersion: '1' },
    ['hmac', 'keyVersion'],
  ],
  ['verify-hmac', verifyHmacResponseSchema, { valid: true, keyVersion: '3' }, ['valid']],
  ['public-key', publicKeyResponseSchema, { keys: { '1': 'PEM1', '2': 'PEM2' } }, ['keys']],
  [
    'export',
    exportResponseSchema,
    { keyMaterial: 'AAAA', keyVersion: '1' },
    ['keyMaterial', 'keyVersion'],
  ],
  [
    'wrapping-key',
    wrappingKeyResponseSchema,
    { publicKey: '-----BEGIN PUBLIC KEY-----', algorithm: 'rsa-oaep-aes-kwp' },
    ['publicKey', 'algorithm'],
  ],
];

describe('crypto and BYOK response schemas', () => {
  it.each(RESPONSES)('%s parses its documented shape', (_, schema, valid) => {
    expect(schema.safeParse(valid).success).toBe(true);
  });

  it.each(RESPONSES)('%s accepts unknown extra fields', (_, schema, valid) => {
    expect(schema.safeParse({ ...valid, somethingNew: 'x' }).success).toBe(true);
  });

  it.each(
    RESPONSES.flatMap(([name, schema, valid, required]) =>
      required.map((f) => [name, f, schema, valid] as const),
    ),
  )('%s rejects a body without %s', (_, field, schema, valid) => {
    expect(schema.safeParse(without(valid, field)).success).toBe(false);
  });

  it.each([
    ['encrypt', encryptResponseSchema, { ciphertext: 'thalassa:v1:AAAA', keyVersion: 1 }],
    ['sign', signResponseSchema, { signature: 'thalassa:v1:AAAA', keyVersion: 2 }],
    ['export', exportResponseSchema, { keyMaterial: 'AAAA', keyVersion: 1 }],
  ] as const)('%s wants keyVersion as a string, not a number', (_, schema, body) => {
    expect(schema.safeParse(body).success).toBe(false);
  });

  it('verify-hmac keyVersion is optional', () => {
    expect(verifyHmacResponseSchema.safeParse({ valid: false }).success).toBe(true);
  });

  it('public-key map keys are version strings', () => {
    expect(publicKeyResponseSchema.safeParse({ keys: {} }).success).toBe(true);
    expect(publicKeyResponseSchema.safeParse({ keys: { v1: 'PEM' } }).success).toBe(false);
    expect(publicKeyResponseSchema.safeParse({ keys: { '0': 'PEM' } }).success).toBe(false);
    expect(publicKeyResponseSchema.safeParse({ keys: { '1': 5 } }).success).toBe(false);
  });
});
