/**
 * Checks against an independent implementation: the `openssl` command-line tool.
 * Every check also has a negative twin, so a tool that "verifies" anything would fail the test.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HashAlgorithm, KeyType } from '../../../src/contract';
import {
  assertMaterialFits,
  decrypt,
  encrypt,
  generateKeyMaterial,
  hmac,
  publicKeyOf,
  sign,
  verify,
} from './index';

let dir = '';
const materials = new Map<KeyType, Buffer>();
const TYPES: KeyType[] = [
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
];
const RSA: KeyType[] = ['rsa-2048', 'rsa-3072', 'rsa-4096'];
const ECDSA: KeyType[] = ['ecdsa-p256', 'ecdsa-p384', 'ecdsa-p521'];
const HASHES: HashAlgorithm[] = ['sha2-256', 'sha2-384', 'sha2-512'];
const OPENSSL_MD: Record<HashAlgorithm, string> = {
  'sha2-256': 'sha256',
  'sha2-384': 'sha384',
  'sha2-512': 'sha512',
};
const HASH_BYTES: Record<HashAlgorithm, number> = {
  'sha2-256': 32,
  'sha2-384': 48,
  'sha2-512': 64,
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kms-openssl-'));
  const all = await Promise.all(TYPES.map((t) => generateKeyMaterial(t)));
  TYPES.forEach((t, i) => materials.set(t, all[i] ?? Buffer.alloc(0)));
});

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

function material(keyType: KeyType): Buffer {
  const m = materials.get(keyType);
  if (m === undefined) throw new Error(`no material for ${keyType}`);
  return m;
}

let counter = 0;
function file(name: string, content: Buffer | string): string {
  counter += 1;
  const path = join(dir, `${counter}-${name}`);
  writeFileSync(path, content);
  return path;
}

function openssl(args: string[], input?: Buffer): Buffer {
  return execFileSync('openssl', args, { input, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** A fresh openssl key as PKCS#8 DER (`genpkey -outform DER` gives the traditional form on 3.0). */
function opensslPkcs8(genpkeyArgs: string[]): Buffer {
  const pem = openssl(['genpkey', ...genpkeyArgs]);
  return openssl(['pkcs8', '-topk8', '-nocrypt', '-outform', 'DER'], pem);
}

/** true when openssl exits 0, false when it exits non-zero (a failed verification). */
function opensslSucceeds(args: string[]): boolean {
  try {
    openssl(args);
    return true;
  } catch {
    return false;
  }
}

function pssVerifyArgs(
  hash: HashAlgorithm,
  pub: string,
  sig: string,
  msg: string,
  saltlen: string,
) {
  const md = OPENSSL_MD[hash];
  return [
    'dgst',
    `-${md}`,
    '-sigopt',
    'rsa_padding_mode:pss',
    '-sigopt',
    `rsa_pss_saltlen:${saltlen}`,
    '-sigopt',
    `rsa_mgf1_md:${md}`,
    '-verify',
    pub,
    '-signature',
    sig,
    msg,
  ];
}

/** SPKI PEM for a raw Ed25519 public key (RFC 8410 prefix). */
function ed25519SpkiPem(raw: Buffer): string {
  const der = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]);
  const b64 = der.toString('base64');
  return `-----BEGIN PUBLIC KEY-----\n${b64}\n-----END PUBLIC KEY-----\n`;
}

describe('openssl verifies our signatures', () => {
  it.each(RSA)(
    '%s RSA-PSS, every hash, salt exactly the hash length (message and prehashed)',
    (keyType) => {
      const m = material(keyType);
      const pub = file('pub.pem', publicKeyOf(keyType, m));
      const message = randomBytes(100);
      const msg = file('msg', message);
      const otherMsg = file('other', Buffer.concat([message, Buffer.from('!')]));
      for (const hash of HASHES) {
        const digest = createHash(OPENSSL_MD[hash]).update(message).digest();
        for (const signature of [
          sign(keyType, m, message, { hashAlgorithm: hash }),
          sign(keyType, m, digest, { hashAlgorithm: hash, prehashed: true }),
        ]) {
          const sig = file('sig', signature);
          const saltlen = String(HASH_BYTES[hash]);
          expect(opensslSucceeds(pssVerifyArgs(hash, pub, sig, msg, saltlen))).toBe(true);
          expect(opensslSucceeds(pssVerifyArgs(hash, pub, sig, msg, 'digest'))).toBe(true);
          // Strict salt check: a different expected salt length is refused.
          expect(
            opensslSucceeds(pssVerifyArgs(hash, pub, sig, msg, String(HASH_BYTES[hash] + 1))),
          ).toBe(false);
          expect(opensslSucceeds(pssVerifyArgs(hash, pub, sig, otherMsg, saltlen))).toBe(false);
        }
      }
    },
  );

  it.each(ECDSA)('%s ECDSA DER, every hash (message and prehashed)', (keyType) => {
    const m = material(keyType);
    const pub = file('pub.pem', publicKeyOf(keyType, m));
    const message = randomBytes(64);
    const msg = file('msg', message);
    const otherMsg = file('other', randomBytes(64));
    for (const hash of HASHES) {
      const digest = createHash(OPENSSL_MD[hash]).update(message).digest();
      for (const signature of [
        sign(keyType, m, message, { hashAlgorithm: hash }),
        sign(keyType, m, digest, { hashAlgorithm: hash, prehashed: true }),
      ]) {
        const sig = file('sig.der', signature);
        const md = `-${OPENSSL_MD[hash]}`;
        expect(opensslSucceeds(['dgst', md, '-verify', pub, '-signature', sig, msg])).toBe(true);
        expect(opensslSucceeds(['dgst', md, '-verify', pub, '-signature', sig, otherMsg])).toBe(
          false,
        );
        // openssl parses it as DER.
        expect(openssl(['asn1parse', '-inform', 'DER', '-in', sig]).toString()).toMatch(
          /INTEGER[\s\S]*INTEGER/,
        );
      }
    }
  });

  it('Ed25519 with the raw public key turned into an SPKI PEM', () => {
    const m = material('ed25519');
    const raw = Buffer.from(publicKeyOf('ed25519', m), 'base64');
    const pub = file('pub.pem', ed25519SpkiPem(raw));
    const message = randomBytes(200);
    const msg = file('msg', message);
    const sig = file('sig', sign('ed25519', m, message));
    const args = (input: string) => [
      'pkeyutl',
      '-verify',
      '-pubin',
      '-inkey',
      pub,
      '-rawin',
      '-in',
      input,
      '-sigfile',
      sig,
    ];
    expect(opensslSucceeds(args(msg))).toBe(true);
    expect(opensslSucceeds(args(file('other', randomBytes(200))))).toBe(false);
  });
});

describe('our verify accepts openssl signatures', () => {
  it.each(RSA)('%s RSA-PSS with openssl keys and maximum salt, every hash', (keyType) => {
    // The key comes from our generator; signing is openssl's (salt length max, not the hash length).
    const m = material(keyType);
    const key = file('key.der', m);
    const message = randomBytes(80);
    const msg = file('msg', message);
    for (const hash of HASHES) {
      const md = OPENSSL_MD[hash];
      const signature = openssl([
        'dgst',
        `-${md}`,
        '-keyform',
        'DER',
        '-sign',
        key,
        '-sigopt',
        'rsa_padding_mode:pss',
        '-sigopt',
        'rsa_pss_saltlen:max',
        '-sigopt',
        `rsa_mgf1_md:${md}`,
        msg,
      ]);
      const digest = createHash(md).update(message).digest();
      expect(verify(keyType, m, message, signature, { hashAlgorithm: hash })).toBe(true);
      expect(verify(keyType, m, digest, signature, { hashAlgorithm: hash, prehashed: true })).toBe(
        true,
      );
      expect(verify(keyType, m, randomBytes(80), signature, { hashAlgorithm: hash })).toBe(false);
    }
  });

  it.each([
    ['ecdsa-p256', 'P-256'],
    ['ecdsa-p384', 'P-384'],
    ['ecdsa-p521', 'P-521'],
  ] as const)('%s: openssl-generated key and signatures, every hash', (keyType, curve) => {
    const der = opensslPkcs8(['-algorithm', 'EC', '-pkeyopt', `ec_paramgen_curve:${curve}`]);
    assertMaterialFits(keyType, der);
    const key = file('key.der', der);
    const message = randomBytes(50);
    const msg = file('msg', message);
    for (const hash of HASHES) {
      const md = OPENSSL_MD[hash];
      // Several signatures: about half of OpenSSL's are high-S, which verify must accept.
      for (let i = 0; i < 4; i += 1) {
        const signature = openssl(['dgst', `-${md}`, '-keyform', 'DER', '-sign', key, msg]);
        const digest = createHash(md).update(message).digest();
        expect(verify(keyType, der, message, signature, { hashAlgorithm: hash })).toBe(true);
        expect(
          verify(keyType, der, digest, signature, { hashAlgorithm: hash, prehashed: true }),
        ).toBe(true);
        expect(verify(keyType, der, randomBytes(50), signature, { hashAlgorithm: hash })).toBe(
          false,
        );
      }
    }
  });

  it('ed25519: openssl-generated key and signature', () => {
    const der = opensslPkcs8(['-algorithm', 'ED25519']);
    assertMaterialFits('ed25519', der);
    const message = randomBytes(33);
    const msg = file('msg', message);
    const signature = openssl([
      'pkeyutl',
      '-sign',
      '-keyform',
      'DER',
      '-inkey',
      file('key.der', der),
      '-rawin',
      '-in',
      msg,
    ]);
    expect(verify('ed25519', der, message, signature)).toBe(true);
    expect(verify('ed25519', der, randomBytes(33), signature)).toBe(false);
    // Pure Ed25519 is deterministic: our signature is byte-identical to openssl's.
    expect(sign('ed25519', der, message).equals(signature)).toBe(true);
  });

  it('rsa-2048: an openssl-generated key fits and signs verifiably', () => {
    const der = opensslPkcs8(['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']);
    assertMaterialFits('rsa-2048', der);
    expect(() => assertMaterialFits('rsa-3072', der)).toThrow(/3072/);
    const pub = file('pub.pem', publicKeyOf('rsa-2048', der));
    const message = randomBytes(10);
    const sig = file('sig', sign('rsa-2048', der, message));
    expect(opensslSucceeds(pssVerifyArgs('sha2-256', pub, sig, file('msg', message), '32'))).toBe(
      true,
    );
  });
});

describe('RSA-OAEP interoperates with openssl pkeyutl', () => {
  const oaep = [
    '-pkeyopt',
    'rsa_padding_mode:oaep',
    '-pkeyopt',
    'rsa_oaep_md:sha256',
    '-pkeyopt',
    'rsa_mgf1_md:sha256',
  ];

  it.each(RSA)('%s: openssl decrypts ours and we decrypt openssl\u2019s', (keyType) => {
    const m = material(keyType);
    const key = file('key.der', m);
    const plaintext = randomBytes(100);
    const ours = file('ct', encrypt(keyType, m, plaintext));
    const out = openssl([
      'pkeyutl',
      '-decrypt',
      '-keyform',
      'DER',
      '-inkey',
      key,
      ...oaep,
      '-in',
      ours,
    ]);
    expect(out.equals(plaintext)).toBe(true);
    const pub = file('pub.pem', publicKeyOf(keyType, m));
    const theirs = openssl([
      'pkeyutl',
      '-encrypt',
      '-pubin',
      '-inkey',
      pub,
      ...oaep,
      '-in',
      file('pt', plaintext),
    ]);
    expect(decrypt(keyType, m, theirs).equals(plaintext)).toBe(true);
    // OAEP with SHA-1 (openssl's default) is not what we decrypt.
    const sha1 = openssl([
      'pkeyutl',
      '-encrypt',
      '-pubin',
      '-inkey',
      pub,
      '-pkeyopt',
      'rsa_padding_mode:oaep',
      '-in',
      file('pt', plaintext),
    ]);
    expect(() => decrypt(keyType, m, sha1)).toThrow(/does not decrypt/);
  });
});

describe('HMAC recomputed by openssl from the raw key', () => {
  it.each([
    ['hmac', 'sha256'],
    ['hmac-sha256', 'sha256'],
    ['hmac-sha512', 'sha512'],
  ] as const)('%s = openssl %s HMAC', (keyType, md) => {
    const m = material(keyType);
    const input = randomBytes(300);
    const mac = openssl([
      'dgst',
      `-${md}`,
      '-mac',
      'HMAC',
      '-macopt',
      `hexkey:${m.toString('hex')}`,
      '-binary',
      file('in', input),
    ]);
    expect(hmac(keyType, m, input).equals(mac)).toBe(true);
    expect(hmac(keyType, m, randomBytes(300)).equals(mac)).toBe(false);
  });
});

describe('openssl pkey derives the same public key from the exported PKCS#8', () => {
  it.each([...RSA, ...ECDSA])('%s', (keyType) => {
    const m = material(keyType);
    const fromOpenssl = openssl([
      'pkey',
      '-inform',
      'DER',
      '-in',
      file('key.der', m),
      '-pubout',
    ]).toString();
    expect(fromOpenssl).toBe(publicKeyOf(keyType, m));
  });

  it('ed25519 (raw bytes = the end of the SPKI DER)', () => {
    const m = material('ed25519');
    const spki = openssl([
      'pkey',
      '-inform',
      'DER',
      '-in',
      file('key.der', m),
      '-pubout',
      '-outform',
      'DER',
    ]);
    expect(spki.length).toBe(44);
    expect(spki.subarray(12).toString('base64')).toBe(publicKeyOf('ed25519', m));
  });

  it('the exported material is PKCS#8 as openssl reads it', () => {
    const text = openssl([
      'asn1parse',
      '-inform',
      'DER',
      '-in',
      file('key.der', material('ecdsa-p384')),
    ]).toString();
    expect(text).toMatch(/id-ecPublicKey/);
    expect(text).toMatch(/secp384r1/);
  });
});
