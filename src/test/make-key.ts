import { keySchema, slugify, type Key } from '@/contract';

let counter = 0;

/**
 * A contract-valid key for component tests: parsed by the contract, so a test never holds an
 * off-contract shape. Override what the test is about; the rest is a plain active AES key.
 * Each call gets its own identity; the slug follows the name and the versions follow
 * `latestVersion` and `minDecryptionVersion` (those below it retired) unless given.
 */
export function makeKey(overrides: Partial<Key> = {}): Key {
  counter += 1;
  const name = overrides.name ?? `Test key ${counter}`;
  const createdAt = overrides.createdAt ?? '2026-01-01T00:00:00Z';
  const latestVersion = overrides.latestVersion ?? 1;
  const minDecryptionVersion = overrides.minDecryptionVersion ?? 1;
  return keySchema.parse({
    identity: `kms-test${String(counter).padStart(6, '0')}`,
    name,
    slug: slugify(name),
    keyType: 'aes256-gcm96',
    status: 'active',
    exportAllowed: false,
    imported: false,
    keyRotationEnabled: false,
    latestVersion,
    minDecryptionVersion,
    versions: Array.from({ length: latestVersion }, (_, i) => ({
      version: i + 1,
      status: i + 1 >= minDecryptionVersion ? 'active' : 'retired',
      createdAt,
    })),
    createdAt,
    updatedAt: overrides.updatedAt ?? createdAt,
    objectVersion: 1,
    ...overrides,
  });
}
