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
import type { ByokHashFunction, HashAlgorithm, KeyType } from '../../../src/contract';

export class CryptoInputError extends Error {
  override name = 'CryptoInputError';
}

export interface SignOptions {
  /** Defaults to sha2-256; ignored for ed25519. */
  hashAlgorithm?: HashAlgorithm;
  /** `input` is already the hashAlgorithm digest (RSA and ECDSA only; CryptoInputError for ed25519). */
  prehashed?: boolean;
}

/** Fresh key material for a key type (async: RSA generation takes seconds). */
export declare function generateKeyMaterial(keyType: KeyType): Promise<Buffer>;

/** Throws CryptoInputError when imported material does not fit the key type. */
export declare function assertMaterialFits(keyType: KeyType, material: Buffer): void;

/** Encrypts; returns the payload bytes that go after `thalassa:vN:` (base64 by the caller). */
export declare function encrypt(keyType: KeyType, material: Buffer, plaintext: Buffer): Buffer;

/** Decrypts a payload; CryptoInputError when it does not authenticate or is malformed. */
export declare function decrypt(keyType: KeyType, material: Buffer, payload: Buffer): Buffer;

export declare function sign(
  keyType: KeyType,
  material: Buffer,
  input: Buffer,
  options?: SignOptions,
): Buffer;

/** false for a well-formed signature that does not match; never throws for a mismatch. */
export declare function verify(
  keyType: KeyType,
  material: Buffer,
  input: Buffer,
  signature: Buffer,
  options?: SignOptions,
): boolean;

export declare function hmac(keyType: KeyType, material: Buffer, input: Buffer): Buffer;

/** SPKI PEM for RSA/ECDSA; base64 of the raw 32 bytes for ed25519. */
export declare function publicKeyOf(keyType: KeyType, material: Buffer): string;

/** RSA-4096 wrapping key pair for BYOK (PEM strings). */
export declare function generateWrappingKeyPair(): Promise<{ publicKeyPem: string; privateKeyPem: string }>;

/**
 * Unwraps BYOK material: first 512 bytes RSA-OAEP(hashFunction, MGF1 same hash) of an AES-256
 * key, the rest AES-KWP (RFC 5649) of the target material. CryptoInputError on any failure.
 */
export declare function unwrapImportedMaterial(
  wrappingPrivateKeyPem: string,
  wrapped: Buffer,
  hashFunction: ByokHashFunction,
): Buffer;

/** The inverse of unwrapImportedMaterial, for `npm run byok:wrap` and tests. */
export declare function wrapMaterialForImport(
  wrappingPublicKeyPem: string,
  material: Buffer,
  hashFunction: ByokHashFunction,
): Buffer;

/** Envelope encryption at rest under the root key (AES-256-GCM); aad binds the record. */
export declare function sealWithRootKey(rootKey: Buffer, plaintext: Buffer, aad: string): Buffer;
export declare function openWithRootKey(rootKey: Buffer, sealed: Buffer, aad: string): Buffer;
