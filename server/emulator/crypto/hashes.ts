import { createHash } from 'node:crypto';
import { DEFAULT_HASH_ALGORITHM, HASH_LENGTH, type HashAlgorithm } from '../../../src/contract';
import { CryptoInputError } from './errors';

/** node:crypto / OpenSSL digest name of each contract hash algorithm. */
export const NODE_HASH: Readonly<Record<HashAlgorithm, 'sha256' | 'sha384' | 'sha512'>> = {
  'sha2-256': 'sha256',
  'sha2-384': 'sha384',
  'sha2-512': 'sha512',
};

export function resolveHash(hashAlgorithm: HashAlgorithm | undefined): HashAlgorithm {
  return hashAlgorithm ?? DEFAULT_HASH_ALGORITHM;
}

/** The digest a signature covers: `input` itself when prehashed (after a length check). */
export function digestOf(input: Buffer, hash: HashAlgorithm, prehashed: boolean): Buffer {
  if (!prehashed) return createHash(NODE_HASH[hash]).update(input).digest();
  const expected = HASH_LENGTH[hash];
  if (input.length !== expected) {
    throw new CryptoInputError(
      `prehashed input must be the ${expected}-byte ${hash} digest, got ${input.length} bytes`,
    );
  }
  return input;
}

/** The digest the caller sent (length checked) when prehashed; null when it sent the message. */
export function givenDigest(input: Buffer, hash: HashAlgorithm, prehashed: boolean): Buffer | null {
  return prehashed ? digestOf(input, hash, true) : null;
}
