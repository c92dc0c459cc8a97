import {
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { promisify } from 'node:util';
import { KEY_TYPE_INFO, type KeyType } from '../../../src/contract';
import { CryptoInputError } from './errors';

const generateKeyPairAsync = promisify(generateKeyPair);

/** OpenSSL curve name of each ECDSA key type. */
export const EC_CURVE: Readonly<Partial<Record<KeyType, string>>> = {
  'ecdsa-p256': 'prime256v1',
  'ecdsa-p384': 'secp384r1',
  'ecdsa-p521': 'secp521r1',
};

/** Byte length of raw symmetric / HMAC material. */
export function rawKeyLength(keyType: KeyType): number {
  return KEY_TYPE_INFO[keyType].bits / 8;
}

export function isRawMaterialType(keyType: KeyType): boolean {
  const family = KEY_TYPE_INFO[keyType].family;
  return family === 'symmetric' || family === 'hmac';
}

export async function generateKeyMaterial(keyType: KeyType): Promise<Buffer> {
  const info = KEY_TYPE_INFO[keyType];
  switch (info.family) {
    case 'symmetric':
    case 'hmac':
      return randomBytes(rawKeyLength(keyType));
    case 'rsa': {
      const pair = await generateKeyPairAsync('rsa', {
        modulusLength: info.bits,
        publicExponent: 0x10001,
        publicKeyEncoding: { type: 'spki', format: 'der' },
        privateKeyEncoding: { type: 'pkcs8', format: 'der' },
      });
      return pair.privateKey;
    }
    case 'ecdsa': {
      const namedCurve = EC_CURVE[keyType];
      if (namedCurve === undefined) throw new Error(`no curve for ${keyType}`);
      const pair = await generateKeyPairAsync('ec', {
        namedCurve,
        publicKeyEncoding: { type: 'spki', format: 'der' },
        privateKeyEncoding: { type: 'pkcs8', format: 'der' },
      });
      return pair.privateKey;
    }
    case 'ed25519': {
      const pair = await generateKeyPairAsync('ed25519', {
        publicKeyEncoding: { type: 'spki', format: 'der' },
        privateKeyEncoding: { type: 'pkcs8', format: 'der' },
      });
      return pair.privateKey;
    }
  }
}

/** Parses PKCS#8 DER; CryptoInputError when it is not a private key node:crypto can read. */
export function loadPrivateKey(keyType: KeyType, material: Buffer): KeyObject {
  try {
    return createPrivateKey({ key: material, format: 'der', type: 'pkcs8' });
  } catch {
    throw new CryptoInputError(
      `${keyType} key material must be an unencrypted PKCS#8 DER private key`,
    );
  }
}

/** The public half of PKCS#8 DER material (CryptoInputError as loadPrivateKey). */
export function loadPublicKey(keyType: KeyType, material: Buffer): KeyObject {
  return createPublicKey(loadPrivateKey(keyType, material));
}

function describeKey(key: KeyObject): string {
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return `an RSA ${details.modulusLength ?? '?'}-bit key`;
    case 'ec':
      return `an EC key on curve ${details.namedCurve ?? '?'}`;
    default:
      return `a key of type ${key.asymmetricKeyType ?? 'unknown'}`;
  }
}

export function assertMaterialFits(keyType: KeyType, material: Buffer): void {
  const info = KEY_TYPE_INFO[keyType];
  if (isRawMaterialType(keyType)) {
    const expected = rawKeyLength(keyType);
    if (material.length !== expected) {
      throw new CryptoInputError(
        `${keyType} key material must be exactly ${expected} raw bytes, got ${material.length}`,
      );
    }
    return;
  }
  const key = loadPrivateKey(keyType, material);
  const details = key.asymmetricKeyDetails ?? {};
  let fits: boolean;
  let wanted: string;
  switch (info.family) {
    case 'rsa':
      fits = key.asymmetricKeyType === 'rsa' && details.modulusLength === info.bits;
      wanted = `an RSA ${info.bits}-bit key`;
      break;
    case 'ecdsa':
      fits = key.asymmetricKeyType === 'ec' && details.namedCurve === EC_CURVE[keyType];
      wanted = `an EC key on curve ${EC_CURVE[keyType] ?? '?'}`;
      break;
    default:
      fits = key.asymmetricKeyType === 'ed25519';
      wanted = 'an Ed25519 key';
  }
  if (!fits) {
    throw new CryptoInputError(
      `${keyType} key material must be ${wanted}, got ${describeKey(key)}`,
    );
  }
}

export function publicKeyOf(keyType: KeyType, material: Buffer): string {
  const format = KEY_TYPE_INFO[keyType].publicKeyFormat;
  if (format === null) {
    throw new CryptoInputError(`${keyType} keys have no public key`);
  }
  const publicKey = loadPublicKey(keyType, material);
  if (format === 'raw-base64') {
    const jwk = publicKey.export({ format: 'jwk' });
    if (typeof jwk.x !== 'string') throw new Error('Ed25519 public key without x');
    return Buffer.from(jwk.x, 'base64url').toString('base64');
  }
  return publicKey.export({ type: 'spki', format: 'pem' }).toString();
}
