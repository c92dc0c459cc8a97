import { keySchema, type Key } from '@/contract';

let counter = 0;

/** A contract-valid key for the palette's tests (parsed, so never an off-contract shape). */
export function testKey(overrides: Partial<Key> & { name: string }): Key {
  counter += 1;
  return keySchema.parse({
    identity: `kms-palette${String(counter).padStart(6, '0')}`,
    slug: overrides.name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    keyType: 'aes256-gcm96',
    status: 'active',
    exportAllowed: false,
    imported: false,
    keyRotationEnabled: false,
    latestVersion: 1,
    minDecryptionVersion: 1,
    versions: [{ version: 1, status: 'active', createdAt: '2026-11-01T00:00:00Z' }],
    createdAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-01T00:00:00Z',
    objectVersion: 1,
    ...overrides,
  });
}
