import { sign as nodeSign, verify as nodeVerify, type JsonWebKey } from 'node:crypto';
import { p256, p384, p521 } from '@noble/curves/nist.js';
import type { KeyType } from '../../../src/contract';
import { NODE_HASH, digestOf, givenDigest } from './hashes';
import { loadPrivateKey, loadPublicKey } from './material';
import type { SignatureScheme } from './signature-scheme';

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

/** ECDSA with ASN.1 DER signatures; a prehashed input is signed as the digest it is. */
export const ecdsaSignatures: SignatureScheme = {
  sign({ keyType, material, input, hash, prehashed }) {
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
  },

  verify({ keyType, material, input, hash, prehashed }, signature) {
    const digest = givenDigest(input, hash, prehashed);
    const key = loadPublicKey(keyType, material);
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
  },
};
