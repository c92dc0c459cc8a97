import type { Key } from '@/contract';
import { makeKey } from '@/test/make-key';

/** The crypto tests' key: three versions, the first retired (below minDecryptionVersion 2). */
export const testKey = (overrides: Partial<Key> = {}): Key =>
  makeKey({
    identity: 'kms-test1',
    name: 'Test key',
    latestVersion: 3,
    minDecryptionVersion: 2,
    ...overrides,
  });
