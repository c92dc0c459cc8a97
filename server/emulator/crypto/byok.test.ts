import { execFileSync } from 'node:child_process';
import { createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BYOK_HASH_FUNCTIONS, type KeyType } from '../../../src/contract';
import {
  CryptoInputError,
  assertMaterialFits,
  generateWrappingKeyPair,
  unwrapImportedMaterial,
  wrapMaterialForImport,
} from './index';

let dir = '';
let publicKeyPem = '';
let privateKeyPem = '';
let pubPath = '';
let privPath = '';
let sampleList: Array<[KeyType, Buffer]> = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kms-byok-'));
  ({ publicKeyPem, privateKeyPem } = await generateWrappingKeyPair());
  pubPath = join(dir, 'wrap-pub.pem');
  privPath = join(dir, 'wrap-priv.pem');
  writeFileSync(pubPath, publicKeyPem);
  writeFileSync(privPath, privateKeyPem);
  sampleList = makeSamples();
});

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

function openssl(args: string[], input?: Buffer): Buffer {
  return execFileSync('openssl', args, { input, stdio: ['pipe', 'pipe', 'pipe'] });
}

let counter = 0;
function file(name: string, content: Buffer | string): string {
  counter += 1;
  const path = join(dir, `${counter}-${name}`);
  writeFileSync(path, content);
  return path;
}

function pkcs8(type: 'ec' | 'ed25519' | 'rsa', options: object = {}): Buffer {
  const { privateKey } =
    type === 'ec'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256', ...options })
      : type === 'rsa'
        ? generateKeyPairSync('rsa', { modulusLength: 2048 })
        : generateKeyPairSync('ed25519');
  return privateKey.export({ type: 'pkcs8', format: 'der' });
}

function makeSamples(): Array<[KeyType, Buffer]> {
  // The wrapping key itself is an RSA-4096 PKCS#8 key: a large material without another keygen.
  const rsa4096 = createPrivateKey(privateKeyPem).export({ type: 'pkcs8', format: 'der' });
  return [
    ['aes128-gcm96', randomBytes(16)],
    ['aes256-gcm96', randomBytes(32)],
    ['chacha20-poly1305', randomBytes(32)],
    ['rsa-2048', pkcs8('rsa')],
    ['rsa-4096', rsa4096],
    ['ecdsa-p256', pkcs8('ec')],
    ['ed25519', pkcs8('ed25519')],
  ];
}

describe('BYOK wrapping key', () => {
  it('is an RSA-4096 PEM pair', () => {
    expect(publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const key = createPrivateKey(privateKeyPem);
    expect(key.asymmetricKeyType).toBe('rsa');
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(4096);
  });
});

describe('wrap / unwrap', () => {
  it('round-trips every importable kind of material with every hash function', () => {
    for (const [keyType, material] of sampleList) {
      for (const hash of BYOK_HASH_FUNCTIONS) {
        const wrapped = wrapMaterialForImport(publicKeyPem, material, hash);
        // 512 bytes of RSA, then KWP: the material padded to 8 bytes plus the 8-byte header.
        expect(wrapped.length).toBe(512 + Math.ceil(material.length / 8) * 8 + 8);
        const unwrapped = unwrapImportedMaterial(privateKeyPem, wrapped, hash);
        expect(unwrapped.equals(material)).toBe(true);
        assertMaterialFits(keyType, unwrapped);
      }
    }
  });

  it('anything altered does not unwrap (CryptoInputError saying so)', () => {
    const material = randomBytes(32);
    const wrapped = wrapMaterialForImport(publicKeyPem, material, 'sha256');
    for (const index of [0, 300, 511, 512, 520, wrapped.length - 1]) {
      const altered = Buffer.from(wrapped);
      altered[index] = (altered[index] ?? 0) ^ 0x80;
      expect(() => unwrapImportedMaterial(privateKeyPem, altered, 'sha256')).toThrow(
        CryptoInputError,
      );
      expect(() => unwrapImportedMaterial(privateKeyPem, altered, 'sha256')).toThrow(
        /does not unwrap/,
      );
    }
    for (const cut of [
      wrapped.subarray(0, 512),
      wrapped.subarray(0, 100),
      wrapped.subarray(0, wrapped.length - 8),
      Buffer.alloc(0),
    ]) {
      expect(() => unwrapImportedMaterial(privateKeyPem, cut, 'sha256')).toThrow(/does not unwrap/);
    }
  });

  it('the wrong hash function does not unwrap', () => {
    const wrapped = wrapMaterialForImport(publicKeyPem, randomBytes(32), 'sha256');
    expect(() => unwrapImportedMaterial(privateKeyPem, wrapped, 'sha1')).toThrow(
      /does not unwrap.*sha1/,
    );
    expect(() => unwrapImportedMaterial(privateKeyPem, wrapped, 'sha512')).toThrow(
      CryptoInputError,
    );
  });

  it('refuses a wrapping key that is not RSA-4096', () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => wrapMaterialForImport(pem, randomBytes(32), 'sha256')).toThrow(/RSA-4096/);
    expect(() => wrapMaterialForImport('not a key', randomBytes(32), 'sha256')).toThrow(
      CryptoInputError,
    );
  });
});

describe('BYOK interoperates with openssl', () => {
  function opensslWrap(material: Buffer, hash: string): Buffer {
    const aesKey = openssl(['rand', '32']);
    const rsaPart = openssl(
      [
        'pkeyutl',
        '-encrypt',
        '-pubin',
        '-inkey',
        pubPath,
        '-pkeyopt',
        'rsa_padding_mode:oaep',
        '-pkeyopt',
        `rsa_oaep_md:${hash}`,
        '-pkeyopt',
        `rsa_mgf1_md:${hash}`,
      ],
      aesKey,
    );
    const kwp = openssl([
      'enc',
      '-id-aes256-wrap-pad',
      '-K',
      aesKey.toString('hex'),
      '-iv',
      'A65959A6',
      '-in',
      file('material', material),
    ]);
    return Buffer.concat([rsaPart, kwp]);
  }

  it.each(BYOK_HASH_FUNCTIONS)('a blob built with openssl (%s) unwraps with ours', (hash) => {
    for (const [, material] of sampleList.filter(([t]) =>
      ['aes128-gcm96', 'aes256-gcm96', 'ecdsa-p256', 'ed25519'].includes(t),
    )) {
      const blob = opensslWrap(material, hash);
      expect(blob.length).toBeGreaterThan(512);
      expect(unwrapImportedMaterial(privateKeyPem, blob, hash).equals(material)).toBe(true);
    }
  });

  it('a blob built with openssl with the RSA part in the wrong hash does not unwrap', () => {
    const blob = opensslWrap(randomBytes(32), 'sha1');
    expect(() => unwrapImportedMaterial(privateKeyPem, blob, 'sha256')).toThrow(/does not unwrap/);
  });

  it('openssl unwraps a blob made by wrapMaterialForImport', () => {
    const material = pkcs8('ec', { namedCurve: 'P-384' });
    const blob = wrapMaterialForImport(publicKeyPem, material, 'sha384');
    const aesKey = openssl(
      [
        'pkeyutl',
        '-decrypt',
        '-inkey',
        privPath,
        '-pkeyopt',
        'rsa_padding_mode:oaep',
        '-pkeyopt',
        'rsa_oaep_md:sha384',
        '-pkeyopt',
        'rsa_mgf1_md:sha384',
      ],
      blob.subarray(0, 512),
    );
    expect(aesKey.length).toBe(32);
    const out = openssl([
      'enc',
      '-d',
      '-id-aes256-wrap-pad',
      '-K',
      aesKey.toString('hex'),
      '-iv',
      'A65959A6',
      '-in',
      file('kwp', blob.subarray(512)),
    ]);
    expect(out.equals(material)).toBe(true);
  });
});
