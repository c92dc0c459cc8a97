import {
  constants,
  privateDecrypt,
  privateEncrypt,
  publicEncrypt,
  sign as nodeSign,
  verify as nodeVerify,
  type KeyObject,
} from 'node:crypto';
import {
  HASH_LENGTH,
  KEY_TYPE_INFO,
  type HashAlgorithm,
  type KeyType,
} from '../../../src/contract';
import { emsaPssEncode, emsaPssVerify } from './emsa-pss';
import { CryptoInputError } from './errors';
import { NODE_HASH, digestOf, givenDigest } from './hashes';
import { loadPrivateKey, loadPublicKey } from './material';
import type { SignatureScheme } from './signature-scheme';

function modulusBits(key: KeyObject): number {
  const bits = key.asymmetricKeyDetails?.modulusLength;
  if (bits === undefined) throw new Error('RSA key without modulus length');
  return bits;
}

/** RSA-OAEP with SHA-256 (OAEP and MGF1); at most k - 66 bytes. */
export function rsaEncrypt(keyType: KeyType, material: Buffer, plaintext: Buffer): Buffer {
  const limit = KEY_TYPE_INFO[keyType].maxPlaintextBytes;
  if (limit === null) throw new Error(`${keyType} is not an RSA key type`);
  if (plaintext.length > limit) {
    throw new CryptoInputError(
      `${keyType} encrypts at most ${limit} bytes of plaintext (RSA-OAEP SHA-256), got ${plaintext.length}`,
    );
  }
  const key = loadPublicKey(keyType, material);
  return publicEncrypt(
    { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
    plaintext,
  );
}

export function rsaDecrypt(keyType: KeyType, material: Buffer, payload: Buffer): Buffer {
  const key = loadPrivateKey(keyType, material);
  const k = Math.ceil(modulusBits(key) / 8);
  if (payload.length !== k) {
    throw new CryptoInputError(
      `${keyType} ciphertext must be ${k} bytes, got ${payload.length}: it does not decrypt with this key`,
    );
  }
  try {
    return privateDecrypt(
      { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      payload,
    );
  } catch {
    throw new CryptoInputError('ciphertext does not decrypt with this key (RSA-OAEP SHA-256)');
  }
}

/** The public RSA operation on a signature, then the EMSA-PSS check of the digest in it. */
function verifyDigest(key: KeyObject, digest: Buffer, signature: Buffer, hash: HashAlgorithm) {
  let block: Buffer;
  try {
    // Fails when signature >= modulus.
    block = publicEncrypt({ key, padding: constants.RSA_NO_PADDING }, signature);
  } catch {
    return false;
  }
  const emBits = modulusBits(key) - 1;
  const emLen = Math.ceil(emBits / 8);
  const leading = block.subarray(0, block.length - emLen);
  if (leading.some((b) => b !== 0)) return false;
  return emsaPssVerify(NODE_HASH[hash], digest, block.subarray(block.length - emLen), emBits);
}

/**
 * RSA-PSS, MGF1 over the signing hash, salt length = hash length; verify accepts any salt
 * length. A prehashed input is EMSA-PSS encoded here and signed with the raw RSA operation.
 */
export const rsaSignatures: SignatureScheme = {
  sign({ keyType, material, input, hash, prehashed }) {
    const key = loadPrivateKey(keyType, material);
    const saltLength = HASH_LENGTH[hash];
    if (!prehashed) {
      return nodeSign(NODE_HASH[hash], input, {
        key,
        padding: constants.RSA_PKCS1_PSS_PADDING,
        saltLength,
      });
    }
    const digest = digestOf(input, hash, true);
    const bits = modulusBits(key);
    const k = Math.ceil(bits / 8);
    const em = emsaPssEncode(NODE_HASH[hash], digest, bits - 1, saltLength);
    const block = Buffer.concat([Buffer.alloc(k - em.length), em]);
    return privateEncrypt({ key, padding: constants.RSA_NO_PADDING }, block);
  },

  verify({ keyType, material, input, hash, prehashed }, signature) {
    const digest = givenDigest(input, hash, prehashed);
    const key = loadPublicKey(keyType, material);
    if (signature.length !== Math.ceil(modulusBits(key) / 8)) return false;
    if (digest !== null) return verifyDigest(key, digest, signature, hash);
    const options = {
      key,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: constants.RSA_PSS_SALTLEN_AUTO,
    };
    try {
      return nodeVerify(NODE_HASH[hash], input, options, signature);
    } catch {
      return false;
    }
  },
};
