import { createPublicKey, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import type { KeyType } from '../../../src/contract';
import { CryptoInputError } from './errors';
import { loadPrivateKey } from './material';

function refusePrehashed(prehashed: boolean): void {
  if (prehashed) {
    throw new CryptoInputError(
      'ed25519 signs the message itself: prehashed input is not supported',
    );
  }
}

/** Pure Ed25519 (no context, no prehash); the hash algorithm does not apply. */
export function ed25519Sign(
  keyType: KeyType,
  material: Buffer,
  input: Buffer,
  prehashed: boolean,
): Buffer {
  refusePrehashed(prehashed);
  return nodeSign(null, input, loadPrivateKey(keyType, material));
}

export function ed25519Verify(
  keyType: KeyType,
  material: Buffer,
  input: Buffer,
  signature: Buffer,
  prehashed: boolean,
): boolean {
  refusePrehashed(prehashed);
  const key = createPublicKey(loadPrivateKey(keyType, material));
  if (signature.length !== 64) return false;
  try {
    return nodeVerify(null, input, key, signature);
  } catch {
    return false;
  }
}
