import { z } from 'zod';

/** Every key type (docs/emulator.md, "Key types"), in the order the console lists them. */
export const KEY_TYPES = [
  'aes128-gcm96',
  'aes256-gcm96',
  'chacha20-poly1305',
  'rsa-2048',
  'rsa-3072',
  'rsa-4096',
  'ecdsa-p256',
  'ecdsa-p384',
  'ecdsa-p521',
  'ed25519',
  'hmac',
  'hmac-sha256',
  'hmac-sha512',
] as const;

export const keyTypeSchema = z.enum(KEY_TYPES);
export type KeyType = z.infer<typeof keyTypeSchema>;

export const DEFAULT_KEY_TYPE: KeyType = 'aes256-gcm96';

export type KeyPurpose = 'encrypt' | 'sign' | 'hmac';
export type KeyOperation =
  'encrypt' | 'decrypt' | 'sign' | 'verify' | 'hmac' | 'verify-hmac' | 'public-key';

export type KeyFamily = 'symmetric' | 'rsa' | 'ecdsa' | 'ed25519' | 'hmac';

export interface KeyTypeInfo {
  keyType: KeyType;
  /** Short human name, e.g. "AES-256-GCM". */
  label: string;
  family: KeyFamily;
  purpose: KeyPurpose;
  /** Operations the type supports (section 4). */
  operations: readonly KeyOperation[];
  /** RSA-OAEP plaintext limit in bytes (k - 66); null where encrypt is not RSA. */
  maxPlaintextBytes: number | null;
  /** Public key format served by `public-key`, or null where the type has none. */
  publicKeyFormat: 'pem-spki' | 'raw-base64' | null;
  /** Whether BYOK import is allowed. */
  importable: boolean;
  /** Secrets Manager can bind only symmetric encryption keys. */
  secretsManager: boolean;
  /** DNSSEC can use ecdsa-p256, ecdsa-p384 and rsa-*. */
  dnssec: boolean;
  /** Hash fixed by HMAC key types. */
  hmacHash: 'sha2-256' | 'sha2-512' | null;
  /** Key size in bits (symmetric/HMAC key length, RSA modulus, curve size). */
  bits: number;
}

const SYM_OPS = ['encrypt', 'decrypt'] as const;
const RSA_OPS = ['encrypt', 'decrypt', 'sign', 'verify', 'public-key'] as const;
const SIG_OPS = ['sign', 'verify', 'public-key'] as const;
const HMAC_OPS = ['hmac', 'verify-hmac'] as const;

function info(
  keyType: KeyType,
  label: string,
  family: KeyFamily,
  bits: number,
  extra: Partial<KeyTypeInfo> = {},
): KeyTypeInfo {
  const base: Record<KeyFamily, Omit<KeyTypeInfo, 'keyType' | 'label' | 'family' | 'bits'>> = {
    symmetric: {
      purpose: 'encrypt',
      operations: SYM_OPS,
      maxPlaintextBytes: null,
      publicKeyFormat: null,
      importable: true,
      secretsManager: true,
      dnssec: false,
      hmacHash: null,
    },
    rsa: {
      purpose: 'encrypt',
      operations: RSA_OPS,
      maxPlaintextBytes: bits / 8 - 66,
      publicKeyFormat: 'pem-spki',
      importable: true,
      secretsManager: false,
      dnssec: true,
      hmacHash: null,
    },
    ecdsa: {
      purpose: 'sign',
      operations: SIG_OPS,
      maxPlaintextBytes: null,
      publicKeyFormat: 'pem-spki',
      importable: true,
      secretsManager: false,
      dnssec: false,
      hmacHash: null,
    },
    ed25519: {
      purpose: 'sign',
      operations: SIG_OPS,
      maxPlaintextBytes: null,
      publicKeyFormat: 'raw-base64',
      importable: true,
      secretsManager: false,
      dnssec: false,
      hmacHash: null,
    },
    hmac: {
      purpose: 'hmac',
      operations: HMAC_OPS,
      maxPlaintextBytes: null,
      publicKeyFormat: null,
      importable: false,
      secretsManager: false,
      dnssec: false,
      hmacHash: 'sha2-256',
    },
  };
  return { keyType, label, family, bits, ...base[family], ...extra };
}

/** The key-type capability table (docs/emulator.md, "Key types"), as data. */
export const KEY_TYPE_INFO: Readonly<Record<KeyType, KeyTypeInfo>> = {
  'aes128-gcm96': info('aes128-gcm96', 'AES-128-GCM', 'symmetric', 128),
  'aes256-gcm96': info('aes256-gcm96', 'AES-256-GCM', 'symmetric', 256),
  'chacha20-poly1305': info('chacha20-poly1305', 'ChaCha20-Poly1305', 'symmetric', 256),
  'rsa-2048': info('rsa-2048', 'RSA 2048', 'rsa', 2048),
  'rsa-3072': info('rsa-3072', 'RSA 3072', 'rsa', 3072),
  'rsa-4096': info('rsa-4096', 'RSA 4096', 'rsa', 4096),
  'ecdsa-p256': info('ecdsa-p256', 'ECDSA P-256', 'ecdsa', 256, { dnssec: true }),
  'ecdsa-p384': info('ecdsa-p384', 'ECDSA P-384', 'ecdsa', 384, { dnssec: true }),
  'ecdsa-p521': info('ecdsa-p521', 'ECDSA P-521', 'ecdsa', 521),
  ed25519: info('ed25519', 'Ed25519', 'ed25519', 256),
  hmac: info('hmac', 'HMAC (SHA-256)', 'hmac', 256),
  'hmac-sha256': info('hmac-sha256', 'HMAC-SHA256', 'hmac', 256),
  'hmac-sha512': info('hmac-sha512', 'HMAC-SHA512', 'hmac', 512, { hmacHash: 'sha2-512' }),
};

export const PURPOSE_LABELS: Readonly<Record<KeyPurpose, string>> = {
  encrypt: 'Encrypt / decrypt',
  sign: 'Sign / verify',
  hmac: 'HMAC',
};

/** Purpose shown to users; RSA keys do both encryption and signing. */
export function purposesOf(keyType: KeyType): KeyPurpose[] {
  const ops = KEY_TYPE_INFO[keyType].operations;
  const out: KeyPurpose[] = [];
  if (ops.includes('encrypt')) out.push('encrypt');
  if (ops.includes('sign')) out.push('sign');
  if (ops.includes('hmac')) out.push('hmac');
  return out;
}

export function supports(keyType: KeyType, op: KeyOperation): boolean {
  return KEY_TYPE_INFO[keyType].operations.includes(op);
}

export function isHmacKeyType(keyType: KeyType): boolean {
  return KEY_TYPE_INFO[keyType].family === 'hmac';
}

export function isAsymmetricKeyType(keyType: KeyType): boolean {
  return KEY_TYPE_INFO[keyType].publicKeyFormat !== null;
}

export const HASH_ALGORITHMS = ['sha2-256', 'sha2-384', 'sha2-512'] as const;
export const hashAlgorithmSchema = z.enum(HASH_ALGORITHMS);
export type HashAlgorithm = z.infer<typeof hashAlgorithmSchema>;
export const DEFAULT_HASH_ALGORITHM: HashAlgorithm = 'sha2-256';

/** Digest length in bytes of each hash algorithm (also the RSA-PSS salt length). */
export const HASH_LENGTH: Readonly<Record<HashAlgorithm, number>> = {
  'sha2-256': 32,
  'sha2-384': 48,
  'sha2-512': 64,
};

/** OAEP hash functions for BYOK import. */
export const BYOK_HASH_FUNCTIONS = ['sha256', 'sha1', 'sha384', 'sha512'] as const;
export const byokHashFunctionSchema = z.enum(BYOK_HASH_FUNCTIONS);
export type ByokHashFunction = z.infer<typeof byokHashFunctionSchema>;

export const WRAPPING_KEY_ALGORITHM = 'rsa-oaep-aes-kwp';
/** RSA-4096 modulus size: the first 512 bytes of imported material are the RSA part. */
export const WRAPPING_KEY_RSA_BYTES = 512;
