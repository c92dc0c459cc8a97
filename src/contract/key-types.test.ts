import { describe, expect, it } from 'vitest';
import {
  BYOK_HASH_FUNCTIONS,
  DEFAULT_HASH_ALGORITHM,
  DEFAULT_KEY_TYPE,
  HASH_ALGORITHMS,
  HASH_LENGTH,
  isAsymmetricKeyType,
  isHmacKeyType,
  KEY_TYPE_INFO,
  KEY_TYPES,
  keyTypeSchema,
  purposesOf,
  supports,
  type KeyOperation,
  type KeyType,
} from './key-types';

/**
 * The key-type capability table of the KMS API, hard-coded row by row (one line per key type),
 * with Secrets Manager and DNSSEC support and the HMAC hashes (docs/emulator.md, "Key types").
 */
const SECTION_4: [
  keyType: KeyType,
  encrypt: boolean,
  sign: boolean,
  hmac: boolean,
  publicKey: 'pem-spki' | 'raw-base64' | null,
  importable: boolean,
  maxPlaintextBytes: number | null,
  secretsManager: boolean,
  dnssec: boolean,
  hmacHash: 'sha2-256' | 'sha2-512' | null,
][] = [
  ['aes128-gcm96', true, false, false, null, true, null, true, false, null],
  ['aes256-gcm96', true, false, false, null, true, null, true, false, null],
  ['chacha20-poly1305', true, false, false, null, true, null, true, false, null],
  ['rsa-2048', true, true, false, 'pem-spki', true, 190, false, true, null],
  ['rsa-3072', true, true, false, 'pem-spki', true, 318, false, true, null],
  ['rsa-4096', true, true, false, 'pem-spki', true, 446, false, true, null],
  ['ecdsa-p256', false, true, false, 'pem-spki', true, null, false, true, null],
  ['ecdsa-p384', false, true, false, 'pem-spki', true, null, false, true, null],
  ['ecdsa-p521', false, true, false, 'pem-spki', true, null, false, false, null],
  ['ed25519', false, true, false, 'raw-base64', true, null, false, false, null],
  ['hmac', false, false, true, null, false, null, false, false, 'sha2-256'],
  ['hmac-sha256', false, false, true, null, false, null, false, false, 'sha2-256'],
  ['hmac-sha512', false, false, true, null, false, null, false, false, 'sha2-512'],
];

describe('key types', () => {
  it('KEY_TYPES lists exactly the 13 types of section 4', () => {
    expect([...KEY_TYPES].sort()).toEqual(SECTION_4.map((r) => r[0]).sort());
    expect(Object.keys(KEY_TYPE_INFO).sort()).toEqual([...KEY_TYPES].sort());
  });

  it.each([['aes256-gcm96'], ['ed25519'], ['hmac']])('keyTypeSchema accepts %s', (t) => {
    expect(keyTypeSchema.safeParse(t).success).toBe(true);
  });

  it.each([['AES256-GCM96'], ['aes256'], ['rsa-1024'], ['ecdsa-p224'], ['x25519'], [''], [null]])(
    'keyTypeSchema rejects %j',
    (t) => {
      expect(keyTypeSchema.safeParse(t).success).toBe(false);
    },
  );

  it('defaults to the recommended aes256-gcm96', () => {
    expect(DEFAULT_KEY_TYPE).toBe('aes256-gcm96');
  });
});

describe('KEY_TYPE_INFO matches the key-type table', () => {
  it.each(SECTION_4)(
    '%s: encrypt %s, sign %s, hmac %s, public key %s, importable %s, RSA limit %s, SM %s, DNSSEC %s, hash %s',
    (keyType, encrypt, sign, hmac, publicKey, importable, maxPlaintext, sm, dnssec, hmacHash) => {
      const info = KEY_TYPE_INFO[keyType];
      expect(info.keyType).toBe(keyType);

      const expectedOps: KeyOperation[] = [
        ...(encrypt ? (['encrypt', 'decrypt'] as const) : []),
        ...(sign ? (['sign', 'verify'] as const) : []),
        ...(hmac ? (['hmac', 'verify-hmac'] as const) : []),
        ...(publicKey ? (['public-key'] as const) : []),
      ];
      expect([...info.operations].sort()).toEqual(expectedOps.sort());

      expect(info.publicKeyFormat).toBe(publicKey);
      expect(info.importable).toBe(importable);
      expect(info.maxPlaintextBytes).toBe(maxPlaintext);
      expect(info.secretsManager).toBe(sm);
      expect(info.dnssec).toBe(dnssec);
      expect(info.hmacHash).toBe(hmacHash);
    },
  );

  it.each(SECTION_4)(
    'helpers agree with the table for %s',
    (keyType, encrypt, sign, hmac, publicKey) => {
      expect(supports(keyType, 'encrypt')).toBe(encrypt);
      expect(supports(keyType, 'decrypt')).toBe(encrypt);
      expect(supports(keyType, 'sign')).toBe(sign);
      expect(supports(keyType, 'verify')).toBe(sign);
      expect(supports(keyType, 'hmac')).toBe(hmac);
      expect(supports(keyType, 'verify-hmac')).toBe(hmac);
      expect(supports(keyType, 'public-key')).toBe(publicKey !== null);
      expect(isHmacKeyType(keyType)).toBe(hmac);
      expect(isAsymmetricKeyType(keyType)).toBe(publicKey !== null);
      const purposes = [
        ...(encrypt ? ['encrypt'] : []),
        ...(sign ? ['sign'] : []),
        ...(hmac ? ['hmac'] : []),
      ];
      expect(purposesOf(keyType)).toEqual(purposes);
    },
  );

  it('RSA limits are k - 66 bytes (RSA-OAEP SHA-256)', () => {
    for (const t of ['rsa-2048', 'rsa-3072', 'rsa-4096'] as const) {
      expect(KEY_TYPE_INFO[t].maxPlaintextBytes).toBe(KEY_TYPE_INFO[t].bits / 8 - 66);
    }
  });

  it('HMAC key sizes follow section 5 (32-byte keys for SHA-256, 64 for SHA-512)', () => {
    expect(KEY_TYPE_INFO.hmac.bits).toBe(256);
    expect(KEY_TYPE_INFO['hmac-sha256'].bits).toBe(256);
    expect(KEY_TYPE_INFO['hmac-sha512'].bits).toBe(512);
  });

  it('gives every type a non-empty label', () => {
    for (const t of KEY_TYPES) expect(KEY_TYPE_INFO[t].label.trim()).not.toBe('');
  });
});

describe('hash enums', () => {
  it('hashAlgorithm is sha2-256 (default), sha2-384, sha2-512 with their digest lengths', () => {
    expect(HASH_ALGORITHMS).toEqual(['sha2-256', 'sha2-384', 'sha2-512']);
    expect(DEFAULT_HASH_ALGORITHM).toBe('sha2-256');
    expect(HASH_LENGTH).toEqual({ 'sha2-256': 32, 'sha2-384': 48, 'sha2-512': 64 });
  });

  it('BYOK hashFunction is sha256 (first, the default), sha1, sha384, sha512', () => {
    expect(BYOK_HASH_FUNCTIONS).toEqual(['sha256', 'sha1', 'sha384', 'sha512']);
  });
});
