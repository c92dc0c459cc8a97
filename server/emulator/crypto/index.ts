/**
 * Cryptography of the emulator: pure functions over node:crypto, no storage, no HTTP.
 *
 * Material formats (also what `export` returns, base64-encoded):
 * - symmetric (aes128-gcm96, aes256-gcm96, chacha20-poly1305) and HMAC types: raw key bytes
 * - asymmetric (rsa-*, ecdsa-*, ed25519): PKCS#8 DER
 *
 * Every function that can fail because of what a client sent throws CryptoInputError (the HTTP
 * layer maps it to 400 with its message). Anything else is a bug.
 *
 * THIS FILE IS THE INTERFACE: the HTTP/store layer codes against these signatures.
 */
import {
  KEY_TYPE_INFO,
  type HashAlgorithm,
  type KeyFamily,
  type KeyType,
} from '../../../src/contract';
import { aeadOpen, aeadSeal, type AeadCipher } from './aead';
import { ecdsaSignatures } from './ecdsa';
import { ed25519Signatures } from './ed25519';
import { CryptoInputError } from './errors';
import { resolveHash } from './hashes';
import { assertMaterialFits } from './material';
import { rsaDecrypt, rsaEncrypt, rsaSignatures } from './rsa';
import type { SignatureScheme, SignCall } from './signature-scheme';

export { CryptoInputError } from './errors';
/** Fresh key material for a key type (async: RSA generation takes seconds). */
export { generateKeyMaterial } from './material';
/** Throws CryptoInputError when imported material does not fit the key type. */
export { assertMaterialFits } from './material';
/** SPKI PEM for RSA/ECDSA; base64 of the raw 32 bytes for ed25519. */
export { publicKeyOf } from './material';
/** HMAC with the key type's fixed hash; verifyHmac compares in constant time. */
export { hmac, verifyHmac } from './hmac';
/**
 * BYOK: generateWrappingKeyPair (RSA-4096 PEM strings); unwrapImportedMaterial (first 512 bytes
 * RSA-OAEP(hashFunction, MGF1 same hash) of an AES-256 key, the rest AES-KWP (RFC 5649) of the
 * target material; CryptoInputError on any failure); wrapMaterialForImport, its inverse.
 */
export { generateWrappingKeyPair, unwrapImportedMaterial, wrapMaterialForImport } from './byok';
/** Key file (raw, PKCS#8 DER, or PEM) to BYOK target material, checked against the key type. */
export { importMaterialFromFile } from './import-material';
/** Envelope encryption at rest under the root key (AES-256-GCM); aad binds the record. */
export { openWithRootKey, sealWithRootKey } from './root-key';

export interface SignOptions {
  /** Defaults to sha2-256; ignored for ed25519. */
  hashAlgorithm?: HashAlgorithm;
  /** `input` is already the hashAlgorithm digest (RSA and ECDSA only; CryptoInputError for ed25519). */
  prehashed?: boolean;
}

const AEAD_CIPHER: Readonly<Partial<Record<KeyType, AeadCipher>>> = {
  'aes128-gcm96': 'aes-128-gcm',
  'aes256-gcm96': 'aes-256-gcm',
  'chacha20-poly1305': 'chacha20-poly1305',
};

function unsupported(keyType: KeyType, operation: string): CryptoInputError {
  return new CryptoInputError(`${keyType} keys do not support ${operation}`);
}

/** Encrypts; returns the payload bytes that go after `thalassa:vN:` (base64 by the caller). */
export function encrypt(keyType: KeyType, material: Buffer, plaintext: Buffer): Buffer {
  const cipher = AEAD_CIPHER[keyType];
  if (cipher !== undefined) {
    assertMaterialFits(keyType, material);
    return aeadSeal(cipher, material, plaintext);
  }
  if (KEY_TYPE_INFO[keyType].family === 'rsa') return rsaEncrypt(keyType, material, plaintext);
  throw unsupported(keyType, 'encrypt');
}

/** Decrypts a payload; CryptoInputError when it does not authenticate or is malformed. */
export function decrypt(keyType: KeyType, material: Buffer, payload: Buffer): Buffer {
  const cipher = AEAD_CIPHER[keyType];
  if (cipher !== undefined) {
    assertMaterialFits(keyType, material);
    const plaintext = aeadOpen(cipher, material, payload);
    if (plaintext === null) {
      throw new CryptoInputError(
        'ciphertext does not decrypt with this key version: it is malformed or was altered',
      );
    }
    return plaintext;
  }
  if (KEY_TYPE_INFO[keyType].family === 'rsa') return rsaDecrypt(keyType, material, payload);
  throw unsupported(keyType, 'decrypt');
}

const SIGNATURES: Readonly<Partial<Record<KeyFamily, SignatureScheme>>> = {
  rsa: rsaSignatures,
  ecdsa: ecdsaSignatures,
  ed25519: ed25519Signatures,
};

function signatureCall(
  keyType: KeyType,
  material: Buffer,
  input: Buffer,
  operation: 'sign' | 'verify',
  options: SignOptions,
): { scheme: SignatureScheme; call: SignCall } {
  const hash = resolveHash(options.hashAlgorithm);
  const scheme = SIGNATURES[KEY_TYPE_INFO[keyType].family];
  if (scheme === undefined) throw unsupported(keyType, operation);
  return {
    scheme,
    call: { keyType, material, input, hash, prehashed: options.prehashed ?? false },
  };
}

/**
 * RSA-PSS (MGF1 over the hash, salt = hash length), ECDSA (ASN.1 DER) or pure Ed25519.
 * CryptoInputError for a prehashed input of the wrong length or prehashed Ed25519.
 */
export function sign(
  keyType: KeyType,
  material: Buffer,
  input: Buffer,
  options: SignOptions = {},
): Buffer {
  const { scheme, call } = signatureCall(keyType, material, input, 'sign', options);
  return scheme.sign(call);
}

/** false for a well-formed signature that does not match; never throws for a mismatch. */
export function verify(
  keyType: KeyType,
  material: Buffer,
  input: Buffer,
  signature: Buffer,
  options: SignOptions = {},
): boolean {
  const { scheme, call } = signatureCall(keyType, material, input, 'verify', options);
  return scheme.verify(call, signature);
}
