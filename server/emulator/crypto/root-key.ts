import { aeadOpen, aeadSeal } from './aead';

const ROOT_KEY_BYTES = 32;

function assertRootKey(rootKey: Buffer): void {
  if (rootKey.length !== ROOT_KEY_BYTES) {
    throw new Error(`the root key must be ${ROOT_KEY_BYTES} bytes, got ${rootKey.length}`);
  }
}

/** AES-256-GCM at rest: nonce || ciphertext || tag, authenticated with `aad` (UTF-8). */
export function sealWithRootKey(rootKey: Buffer, plaintext: Buffer, aad: string): Buffer {
  assertRootKey(rootKey);
  return aeadSeal('aes-256-gcm', rootKey, plaintext, Buffer.from(aad, 'utf8'));
}

/**
 * Not a client error: a record that does not open means a wrong root key or a damaged store, so
 * this throws a plain Error (a 500), never CryptoInputError.
 */
export function openWithRootKey(rootKey: Buffer, sealed: Buffer, aad: string): Buffer {
  assertRootKey(rootKey);
  const plaintext = aeadOpen('aes-256-gcm', rootKey, sealed, Buffer.from(aad, 'utf8'));
  if (plaintext === null) {
    throw new Error(
      'sealed record does not open under the root key (wrong root key, wrong aad or damaged data)',
    );
  }
  return plaintext;
}
