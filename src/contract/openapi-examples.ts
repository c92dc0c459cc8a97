import type { EndpointName } from './endpoints';
import { WRAPPING_KEY_ALGORITHM } from './key-types';

/**
 * Examples for the OpenAPI document: one request body for every endpoint that takes one and one
 * success answer for every endpoint. They are made-up values, never real key material or tokens;
 * a unit test checks each against the endpoint's zod schema, so they cannot drift from it.
 */

const KEY_EXAMPLE = {
  identity: 'kms-3f9c2a7d1b',
  name: 'Payments data key',
  slug: 'payments-data-key',
  description: 'Encrypts card tokens at rest',
  labels: { team: 'payments', env: 'production' },
  annotations: { 'owner.example.com/contact': 'payments@example.com' },
  keyType: 'aes256-gcm96',
  status: 'active',
  exportAllowed: false,
  imported: false,
  keyRotationEnabled: true,
  rotationPeriodInDays: 90,
  latestVersion: 2,
  minDecryptionVersion: 1,
  versions: [
    { version: 1, status: 'active', createdAt: '2026-08-01T09:30:00Z' },
    { version: 2, status: 'active', createdAt: '2026-10-30T09:30:00Z' },
  ],
  createdAt: '2026-08-01T09:30:00Z',
  updatedAt: '2026-10-30T09:30:00Z',
  objectVersion: 3,
  organisation: { identity: 'org-local', name: 'Local organisation', slug: 'local' },
} as const;

const PEM_EXAMPLE =
  '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n';

export const REQUEST_EXAMPLES = {
  createKey: {
    name: 'Payments data key',
    keyType: 'aes256-gcm96',
    description: 'Encrypts card tokens at rest',
    labels: { team: 'payments', env: 'production' },
    exportAllowed: false,
    keyRotationEnabled: true,
    rotationPeriodInDays: 90,
  },
  updateRotation: { keyRotationEnabled: true, rotationPeriodInDays: 30 },
  encrypt: { plaintext: 'aGVsbG8gd29ybGQ=' },
  decrypt: { ciphertext: 'thalassa:v2:q1Vv3x0cYH8mZ2Jt9n4sWkE1bUo0c3RhcnQ=' },
  sign: { input: 'aGVsbG8gd29ybGQ=', hashAlgorithm: 'sha2-256' },
  verify: {
    input: 'aGVsbG8gd29ybGQ=',
    signature: 'thalassa:v1:MEUCIQDkZ2l2ZW4gc2lnbmF0dXJlIGJ5dGVzIGhlcmU=',
    hashAlgorithm: 'sha2-256',
  },
  hmac: { input: 'aGVsbG8gd29ybGQ=', algorithm: 'sha2-256' },
  verifyHmac: {
    input: 'aGVsbG8gd29ybGQ=',
    hmac: 'thalassa:v1:3q2+7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
    hashAlgorithm: 'sha2-256',
  },
  exportKey: { keyVersion: '2' },
} as const satisfies Partial<Record<EndpointName, unknown>>;

export const RESPONSE_EXAMPLES = {
  summary: {
    featureEnabled: true,
    regions: [
      {
        identity: 'nl-01',
        name: 'Netherlands 1',
        slug: 'nl-01',
        kmsAvailable: true,
        totalKeys: 3,
        activeKeys: 2,
        disabledKeys: 0,
        pendingDeletionKeys: 1,
      },
    ],
  },
  listKeys: [KEY_EXAMPLE],
  createKey: { ...KEY_EXAMPLE, latestVersion: 1, versions: [KEY_EXAMPLE.versions[0]] },
  getKey: KEY_EXAMPLE,
  deleteKey: {
    ...KEY_EXAMPLE,
    status: 'pending_deletion',
    deletionScheduledAt: '2026-12-30T09:30:00Z',
  },
  cancelDeletion: KEY_EXAMPLE,
  disableKey: { ...KEY_EXAMPLE, status: 'disabled' },
  enableKey: KEY_EXAMPLE,
  rotateKey: {
    ...KEY_EXAMPLE,
    latestVersion: 3,
    versions: [
      ...KEY_EXAMPLE.versions,
      { version: 3, status: 'active', createdAt: '2026-11-30T09:30:00Z' },
    ],
  },
  updateRotation: { ...KEY_EXAMPLE, rotationPeriodInDays: 30 },
  encrypt: { ciphertext: 'thalassa:v2:q1Vv3x0cYH8mZ2Jt9n4sWkE1bUo0c3RhcnQ=', keyVersion: '2' },
  decrypt: { plaintext: 'aGVsbG8gd29ybGQ=', keyVersion: '2' },
  sign: { signature: 'thalassa:v1:MEUCIQDkZ2l2ZW4gc2lnbmF0dXJlIGJ5dGVzIGhlcmU=', keyVersion: '1' },
  verify: { valid: true },
  hmac: { hmac: 'thalassa:v1:3q2+7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', keyVersion: '1' },
  verifyHmac: { valid: true, keyVersion: '1' },
  publicKey: { keys: { '1': PEM_EXAMPLE } },
  exportKey: { keyMaterial: 'q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=', keyVersion: '2' },
  wrappingKey: { publicKey: PEM_EXAMPLE, algorithm: WRAPPING_KEY_ALGORITHM },
  audit: {
    items: [
      {
        createdAt: '2026-11-30T09:31:12Z',
        eventID: 'evt-7b1e4c9a',
        action: 'kms.encrypt',
        description: 'Encrypted with key payments-data-key',
        resourceType: 'kms_key',
        resourceIdentity: 'kms-3f9c2a7d1b',
        organizationIdentity: 'org-local',
        userIdentity: 'local-token',
        context: { region: 'nl-01', keyVersion: '2', responseStatus: 200, outcome: 'success' },
      },
    ],
    totalItems: 1,
    page: 1,
    itemsPerPage: 50,
    totalPages: 1,
    totalCount: 1,
  },
} as const satisfies Record<EndpointName, unknown>;

export const ERROR_EXAMPLE = { message: 'Key "payments-data-key" not found' } as const;
