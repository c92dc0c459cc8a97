import {
  createPublicKey,
  sign as nodeSign,
  verify as nodeVerify,
  type JsonWebKey,
} from 'node:crypto';
import { p256, p384, p521 } from '@noble/curves/nist.js';
import type { HashAlgorithm, KeyType } from '../../../src/contract';
import { NODE_HASH, digestOf } from './hashes';
import { loadPrivateKey } from './material';

type NobleEcdsa = typeof p256;

const NOBLE: Readonly<Partial<Record<KeyType, NobleEcdsa>>> = {
  'ecdsa-p256': p256,
  'ecdsa-p384': p384,
  'ecdsa-p521': p521,
};

function nobleFor(keyType: KeyType): NobleEcdsa {
  const curve = NOBLE[keyType];
  if (curve === undefined) throw new Error(`${keyType} is not an ECDSA key type`);
  return curve;
}

function jwkBytes(jwk: JsonWebKey, field: 'd' | 'x' | 'y'): Buffer {
  const value = jwk[field];
  if (typeof value !== 'string') throw new Error(`EC JWK without ${field}`);
  return Buffer.from(value, 'base64url');
}

/** ASN.1 DER ECDSA signature. */
export function ecdsaSign(
  keyType: KeyType,
  material: Buffer,
  input: Buffer,
  hash: HashAlgorithm,
  prehashed: boolean,
): Buffer {
  const key = loadPrivateKey(keyType, material);
  if (!prehashed) return nodeSign(NODE_HASH[hash], input, { key, dsaEncoding: 'der' });
  const digest = digestOf(input, hash, true);
  const secret = jwkBytes(key.export({ format: 'jwk' }), 'd');
  const signature = nobleFor(keyType).sign(digest, secret, {
    prehash: false,
    format: 'der',
    extraEntropy: true,
  });
  secret.fill(0);
  return Buffer.from(signature);
}

/** false for a malformed (non-DER) or non-matching signature. */
export function ecdsaVerify(
  keyType: KeyType,
  material: Buffer,
  input: Buffer,
  signature: Buffer,
  hash: HashAlgorithm,
  prehashed: boolean,
): boolean {
  const digest = prehashed ? digestOf(input, hash, true) : null;
  const key = createPublicKey(loadPrivateKey(keyType, material));
  try {
    if (digest === null) {
      return nodeVerify(NODE_HASH[hash], input, { key, dsaEncoding: 'der' }, signature);
    }
    const jwk = key.export({ format: 'jwk' });
    const point = Buffer.concat([Buffer.from([0x04]), jwkBytes(jwk, 'x'), jwkBytes(jwk, 'y')]);
    // lowS: false accepts both halves, as OpenSSL and node:crypto do.
    return nobleFor(keyType).verify(signature, digest, point, {
      prehash: false,
      format: 'der',
      lowS: false,
    });
  } catch {
    return false;
  }
}
