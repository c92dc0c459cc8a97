import { createCipheriv, createDecipheriv, randomBytes, type CipherGCMTypes } from 'node:crypto';

export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;

export type AeadCipher = CipherGCMTypes | 'chacha20-poly1305';

const options = { authTagLength: TAG_BYTES };

function cipherFor(cipher: AeadCipher, key: Buffer, nonce: Buffer) {
  return cipher === 'chacha20-poly1305'
    ? createCipheriv(cipher, key, nonce, options)
    : createCipheriv(cipher, key, nonce, options);
}

function decipherFor(cipher: AeadCipher, key: Buffer, nonce: Buffer) {
  return cipher === 'chacha20-poly1305'
    ? createDecipheriv(cipher, key, nonce, options)
    : createDecipheriv(cipher, key, nonce, options);
}

/** nonce || ciphertext || tag, with a fresh random 12-byte nonce. */
export function aeadSeal(cipher: AeadCipher, key: Buffer, plaintext: Buffer, aad?: Buffer): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const c = cipherFor(cipher, key, nonce);
  if (aad !== undefined) c.setAAD(aad, { plaintextLength: plaintext.length });
  const body = Buffer.concat([c.update(plaintext), c.final()]);
  return Buffer.concat([nonce, body, c.getAuthTag()]);
}

/** Inverse of aeadSeal; null when the payload is malformed or does not authenticate. */
export function aeadOpen(
  cipher: AeadCipher,
  key: Buffer,
  payload: Buffer,
  aad?: Buffer,
): Buffer | null {
  if (payload.length < NONCE_BYTES + TAG_BYTES) return null;
  const nonce = payload.subarray(0, NONCE_BYTES);
  const tag = payload.subarray(payload.length - TAG_BYTES);
  const body = payload.subarray(NONCE_BYTES, payload.length - TAG_BYTES);
  try {
    const d = decipherFor(cipher, key, nonce);
    d.setAuthTag(tag);
    if (aad !== undefined) d.setAAD(aad, { plaintextLength: body.length });
    return Buffer.concat([d.update(body), d.final()]);
  } catch {
    return null;
  }
}
