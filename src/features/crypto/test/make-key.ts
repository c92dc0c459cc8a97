import type { Key, KeyType } from '@/contract';

/** A contract-shaped Key for component tests. */
export function makeKey(overrides: Partial<Key> = {}): Key {
  const at = '2026-01-01T00:00:00Z';
  const latest = overrides.latestVersion ?? 3;
  const min = overrides.minDecryptionVersion ?? 2;
  return {
    identity: 'kms-test1',
    name: 'Test key',
    slug: 'test-key',
    keyType: 'aes256-gcm96' satisfies KeyType,
    status: 'active',
    exportAllowed: false,
    imported: false,
    keyRotationEnabled: false,
    latestVersion: latest,
    minDecryptionVersion: min,
    versions: Array.from({ length: latest }, (_, i) => ({
      version: i + 1,
      status: i + 1 >= min ? 'active' : 'retired',
      createdAt: at,
    })),
    createdAt: at,
    updatedAt: at,
    objectVersion: 1,
    ...overrides,
  };
}
