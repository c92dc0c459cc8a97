import type { Key, KeyType } from '@/contract';

let counter = 0;

/** A contract-shaped key for tests; override what the test is about. */
export function makeKey(overrides: Partial<Key> & { name?: string; keyType?: KeyType } = {}): Key {
  counter += 1;
  const name = overrides.name ?? `key-${counter}`;
  const createdAt = overrides.createdAt ?? '2026-01-01T00:00:00Z';
  const latestVersion = overrides.latestVersion ?? 1;
  return {
    identity: `kms-${String(counter).padStart(20, '0')}`,
    slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    keyType: 'aes256-gcm96',
    status: 'active',
    exportAllowed: false,
    imported: false,
    keyRotationEnabled: false,
    latestVersion,
    minDecryptionVersion: 1,
    versions: Array.from({ length: latestVersion }, (_, i) => ({
      version: i + 1,
      status: 'active',
      createdAt,
    })),
    createdAt,
    updatedAt: createdAt,
    objectVersion: 1,
    ...overrides,
    name,
  };
}
