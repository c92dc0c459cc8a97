/**
 * BYOK (docs/emulator.md, "BYOK"): RSA-OAEP(hashFunction, MGF1 same) of a fresh AES-256 key,
 * followed by AES-KWP (RFC 5649) of the target material under that key.
 */
import {
  constants,
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { promisify } from 'node:util';
import { WRAPPING_KEY_RSA_BYTES, type ByokHashFunction } from '../../../src/contract';
import { CryptoInputError } from './errors';

const generateKeyPairAsync = promisify(generateKeyPair);

const KWP_CIPHER = 'id-aes256-wrap-pad';
/** RFC 5649 alternative initial value; node:crypto refuses a null IV for the wrap ciphers. */
const KWP_AIV = Buffer.from('A65959A6', 'hex');
const AES_KEY_BYTES = 32;

export async function generateWrappingKeyPair(): Promise<{
  publicKeyPem: string;
  privateKeyPem: string;
}> {
  const pair = await generateKeyPairAsync('rsa', {
    modulusLength: WRAPPING_KEY_RSA_BYTES * 8,
    publicExponent: 0x10001,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicKeyPem: pair.publicKey, privateKeyPem: pair.privateKey };
}

function assertWrappingKeySize(key: KeyObject): void {
  if (
    key.asymmetricKeyType !== 'rsa' ||
    key.asymmetricKeyDetails?.modulusLength !== WRAPPING_KEY_RSA_BYTES * 8
  ) {
    throw new CryptoInputError(`the wrapping key must be an RSA-${WRAPPING_KEY_RSA_BYTES * 8} key`);
  }
}

function doesNotUnwrap(hashFunction: ByokHashFunction, why: string): CryptoInputError {
  return new CryptoInputError(
    `importKeyMaterial does not unwrap with this region's wrapping key (hashFunction ${hashFunction}): ${why}`,
  );
}

export function unwrapImportedMaterial(
  wrappingPrivateKeyPem: string,
  wrapped: Buffer,
  hashFunction: ByokHashFunction,
): Buffer {
  const key = createPrivateKey(wrappingPrivateKeyPem);
  // KWP output is at least 16 bytes and a multiple of 8.
  const kwpLength = wrapped.length - WRAPPING_KEY_RSA_BYTES;
  if (kwpLength < 16 || kwpLength % 8 !== 0) {
    throw doesNotUnwrap(
      hashFunction,
      `expected ${WRAPPING_KEY_RSA_BYTES} bytes of RSA-OAEP then at least 16 bytes of AES-KWP (a multiple of 8), got ${wrapped.length} bytes in all`,
    );
  }
  let aesKey: Buffer;
  try {
    aesKey = privateDecrypt(
      { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hashFunction },
      wrapped.subarray(0, WRAPPING_KEY_RSA_BYTES),
    );
  } catch {
    throw doesNotUnwrap(hashFunction, 'the RSA-OAEP part does not decrypt');
  }
  try {
    if (aesKey.length !== AES_KEY_BYTES) {
      throw doesNotUnwrap(
        hashFunction,
        `the RSA-OAEP part holds ${aesKey.length} bytes, not an AES-256 key`,
      );
    }
    const decipher = createDecipheriv(KWP_CIPHER, aesKey, KWP_AIV);
    return Buffer.concat([
      decipher.update(wrapped.subarray(WRAPPING_KEY_RSA_BYTES)),
      decipher.final(),
    ]);
  } catch (error) {
    if (error instanceof CryptoInputError) throw error;
    throw doesNotUnwrap(
      hashFunction,
      'the AES-KWP part does not unwrap (RFC 5649 integrity check failed)',
    );
  } finally {
    aesKey.fill(0);
  }
}

export function wrapMaterialForImport(
  wrappingPublicKeyPem: string,
  material: Buffer,
  hashFunction: ByokHashFunction,
): Buffer {
  let key: KeyObject;
  try {
    key = createPublicKey(wrappingPublicKeyPem);
  } catch {
    throw new CryptoInputError('the wrapping key is not a PEM public key');
  }
  assertWrappingKeySize(key);
  if (material.length === 0) throw new CryptoInputError('key material is empty');
  const aesKey = randomBytes(AES_KEY_BYTES);
  try {
    const rsaPart = publicEncrypt(
      { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hashFunction },
      aesKey,
    );
    const cipher = createCipheriv(KWP_CIPHER, aesKey, KWP_AIV);
    return Buffer.concat([rsaPart, cipher.update(material), cipher.final()]);
  } finally {
    aesKey.fill(0);
  }
}
