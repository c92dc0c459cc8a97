import {
  HASH_LENGTH,
  KEY_TYPE_INFO,
  parseThalassaString,
  type HashAlgorithm,
  type KeyType,
} from '@/contract';
import { base64ToBytes } from '@/lib/encoding';
import { derToP1363 } from './der';

export type BrowserVerdict =
  | { status: 'valid' }
  | { status: 'invalid'; detail?: string }
  | { status: 'unsupported'; detail: string }
  | { status: 'error'; detail: string };

const WEB_HASH: Record<HashAlgorithm, string> = {
  'sha2-256': 'SHA-256',
  'sha2-384': 'SHA-384',
  'sha2-512': 'SHA-512',
};

const CURVES: Partial<Record<KeyType, { namedCurve: string; size: number }>> = {
  'ecdsa-p256': { namedCurve: 'P-256', size: 32 },
  'ecdsa-p384': { namedCurve: 'P-384', size: 48 },
  'ecdsa-p521': { namedCurve: 'P-521', size: 66 },
};

/** The DER bytes of a PEM block (SPKI public keys from `public-key`). */
export function pemToDer(pem: string): Uint8Array<ArrayBuffer> | null {
  const body = pem
    .replace(/-----BEGIN [^-]+-----/, '')
    .replace(/-----END [^-]+-----/, '')
    .replace(/\s+/g, '');
  try {
    return body ? base64ToBytes(body) : null;
  } catch {
    return null;
  }
}

function copy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(bytes.length);
  out.set(bytes);
  return out;
}

async function importPublicKey(
  keyType: KeyType,
  publicKey: string,
  hash: HashAlgorithm,
): Promise<CryptoKey | BrowserVerdict> {
  const family = KEY_TYPE_INFO[keyType].family;
  try {
    if (family === 'ed25519') {
      return await crypto.subtle.importKey(
        'raw',
        base64ToBytes(publicKey.trim()),
        'Ed25519',
        false,
        ['verify'],
      );
    }
    const der = pemToDer(publicKey);
    if (!der) return { status: 'error', detail: 'The public key is not a PEM block.' };
    if (family === 'rsa') {
      return await crypto.subtle.importKey(
        'spki',
        der,
        { name: 'RSA-PSS', hash: WEB_HASH[hash] },
        false,
        ['verify'],
      );
    }
    const curve = CURVES[keyType];
    if (!curve) return { status: 'unsupported', detail: 'No browser check for this key type.' };
    return await crypto.subtle.importKey(
      'spki',
      der,
      { name: 'ECDSA', namedCurve: curve.namedCurve },
      false,
      ['verify'],
    );
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotSupportedError') {
      return {
        status: 'unsupported',
        detail: `This browser's WebCrypto has no ${KEY_TYPE_INFO[keyType].label}.`,
      };
    }
    return {
      status: 'error',
      detail: `The public key could not be imported${error instanceof Error ? `: ${error.message}` : ''}.`,
    };
  }
}

/**
 * Checks a KMS signature in the browser with WebCrypto against the key's public key: RSA-PSS
 * (salt length = hash length), ECDSA (DER converted to r||s) and Ed25519, where the browser has
 * the algorithm. A prehashed input cannot be checked: WebCrypto always hashes the message itself.
 */
export async function verifyInBrowser(args: {
  keyType: KeyType;
  publicKey: string;
  input: Uint8Array;
  signature: string;
  hashAlgorithm: HashAlgorithm;
  prehashed: boolean;
}): Promise<BrowserVerdict> {
  const { keyType, hashAlgorithm } = args;
  const family = KEY_TYPE_INFO[keyType].family;
  if (typeof crypto === 'undefined' || !crypto.subtle) {
    return {
      status: 'unsupported',
      detail: 'WebCrypto is not available (it needs HTTPS or localhost).',
    };
  }
  if (args.prehashed && family !== 'ed25519') {
    return {
      status: 'unsupported',
      detail: 'WebCrypto cannot verify a prehashed digest: it always hashes the message itself.',
    };
  }
  const parsed = parseThalassaString(args.signature.trim());
  if (!parsed) return { status: 'error', detail: 'The signature is not a thalassa:v<N>: string.' };
  const key = await importPublicKey(keyType, args.publicKey, hashAlgorithm);
  if ('status' in key) return key;
  let signature: Uint8Array = base64ToBytes(parsed.payload);
  let algorithm: AlgorithmIdentifier | RsaPssParams | EcdsaParams;
  if (family === 'rsa') {
    algorithm = { name: 'RSA-PSS', saltLength: HASH_LENGTH[hashAlgorithm] };
  } else if (family === 'ecdsa') {
    const curve = CURVES[keyType];
    const p1363 = curve ? derToP1363(signature, curve.size) : null;
    if (!p1363) return { status: 'invalid', detail: 'The signature is not a DER ECDSA signature.' };
    signature = p1363;
    algorithm = { name: 'ECDSA', hash: WEB_HASH[hashAlgorithm] };
  } else {
    algorithm = { name: 'Ed25519' };
  }
  try {
    const ok = await crypto.subtle.verify(algorithm, key, copy(signature), copy(args.input));
    return ok ? { status: 'valid' } : { status: 'invalid' };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotSupportedError') {
      return {
        status: 'unsupported',
        detail: `This browser's WebCrypto cannot verify ${KEY_TYPE_INFO[keyType].label}.`,
      };
    }
    return {
      status: 'error',
      detail: error instanceof Error ? error.message : 'Verification failed.',
    };
  }
}
