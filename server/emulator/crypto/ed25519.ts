import { sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import { CryptoInputError } from './errors';
import { loadPrivateKey, loadPublicKey } from './material';
import type { SignatureScheme } from './signature-scheme';

function refusePrehashed(prehashed: boolean): void {
  if (prehashed) {
    throw new CryptoInputError(
      'ed25519 signs the message itself: prehashed input is not supported',
    );
  }
}

/** Pure Ed25519 (no context, no prehash); the hash algorithm does not apply. */
export const ed25519Signatures: SignatureScheme = {
  sign({ keyType, material, input, prehashed }) {
    refusePrehashed(prehashed);
    return nodeSign(null, input, loadPrivateKey(keyType, material));
  },

  verify({ keyType, material, input, prehashed }, signature) {
    refusePrehashed(prehashed);
    const key = loadPublicKey(keyType, material);
    if (signature.length !== 64) return false;
    try {
      return nodeVerify(null, input, key, signature);
    } catch {
      return false;
    }
  },
};
