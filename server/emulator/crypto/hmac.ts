import { createHmac, timingSafeEqual } from 'node:crypto';
import { KEY_TYPE_INFO, type KeyType } from '../../../src/contract';
import { CryptoInputError } from './errors';
import { NODE_HASH } from './hashes';
import { assertMaterialFits } from './material';

function hmacHashOf(keyType: KeyType) {
  const hash = KEY_TYPE_INFO[keyType].hmacHash;
  if (hash === null) throw new CryptoInputError(`${keyType} keys do not compute HMACs`);
  return NODE_HASH[hash];
}

/** HMAC with the hash the key type fixes (SHA-256 or SHA-512). */
export function hmac(keyType: KeyType, material: Buffer, input: Buffer): Buffer {
  const hash = hmacHashOf(keyType);
  assertMaterialFits(keyType, material);
  return createHmac(hash, material).update(input).digest();
}

/** Constant-time comparison; false for a mismatch or a tag of the wrong length. */
export function verifyHmac(
  keyType: KeyType,
  material: Buffer,
  input: Buffer,
  tag: Buffer,
): boolean {
  const expected = hmac(keyType, material, input);
  return tag.length === expected.length && timingSafeEqual(tag, expected);
}
