import {
  createCipheriv,
  createPrivateKey,
  createDecipheriv,
  createHash,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
} from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { KEY_TYPES, KEY_TYPE_INFO, supports, type KeyType } from '../../../src/contract';
import {
  CryptoInputError,
  assertMaterialFits,
  decrypt,
  encrypt,
  generateKeyMaterial,
  hmac,
  openWithRootKey,
  publicKeyOf,
  sealWithRootKey,
  sign,
  verify,
  verifyHmac,
} from './index';

const materials = new Map<KeyType, Buffer>();
function material(keyType: KeyType): Buffer {
  const m = materials.get(keyType);
  if (m === undefined) throw new Error(`no material for ${keyType}`);
  return m;
}

beforeAll(async () => {
  const all = await Promise.all(KEY_TYPES.map((t) => generateKeyMaterial(t)));
  KEY_TYPES.forEach((t, i) => materials.set(t, all[i] ?? Buffer.alloc(0)));
});

function pkcs8Key(m: Buffer) {
  return createPrivateKey({ key: m, format: 'der', type: 'pkcs8' });
}

/** node:crypto AEAD objects for a symmetric key type, used to check our layout from outside. */
function outsideCipher(keyType: KeyType, key: Buffer, nonce: Buffer) {
  const options = { authTagLength: 16 };
  if (keyType === 'chacha20-poly1305')
    return createCipheriv('chacha20-poly1305', key, nonce, options);
  return createCipheriv(
    keyType === 'aes128-gcm96' ? 'aes-128-gcm' : 'aes-256-gcm',
    key,
    nonce,
    options,
  );
}

function outsideDecipher(keyType: KeyType, key: Buffer, nonce: Buffer) {
  const options = { authTagLength: 16 };
  if (keyType === 'chacha20-poly1305')
    return createDecipheriv('chacha20-poly1305', key, nonce, options);
  return createDecipheriv(
    keyType === 'aes128-gcm96' ? 'aes-128-gcm' : 'aes-256-gcm',
    key,
    nonce,
    options,
  );
}

function flip(buffer: Buffer, index: number): Buffer {
  const copy = Buffer.from(buffer);
  copy[index] = (copy[index] ?? 0) ^ 0x01;
  return copy;
}

const SYMMETRIC: KeyType[] = ['aes128-gcm96', 'aes256-gcm96', 'chacha20-poly1305'];
const RSA: KeyType[] = ['rsa-2048', 'rsa-3072', 'rsa-4096'];
const ECDSA: KeyType[] = ['ecdsa-p256', 'ecdsa-p384', 'ecdsa-p521'];
const HMACS: KeyType[] = ['hmac', 'hmac-sha256', 'hmac-sha512'];

describe('round trips for every key type', () => {
  it.each(KEY_TYPES)(
    '%s: generated material fits and every supported operation round-trips',
    (keyType) => {
      const m = material(keyType);
      assertMaterialFits(keyType, m);
      const message = Buffer.from(`message for ${keyType}`);
      let exercised = 0;
      if (supports(keyType, 'encrypt')) {
        const payload = encrypt(keyType, m, message);
        expect(decrypt(keyType, m, payload).equals(message)).toBe(true);
        // Randomized: a second encryption differs.
        expect(encrypt(keyType, m, message).equals(payload)).toBe(false);
        exercised += 1;
      } else {
        expect(() => encrypt(keyType, m, message)).toThrow(CryptoInputError);
      }
      if (supports(keyType, 'sign')) {
        const signature = sign(keyType, m, message);
        expect(verify(keyType, m, message, signature)).toBe(true);
        expect(verify(keyType, m, Buffer.from('another message'), signature)).toBe(false);
        expect(verify(keyType, m, message, flip(signature, signature.length - 1))).toBe(false);
        exercised += 1;
      } else {
        expect(() => sign(keyType, m, message)).toThrow(CryptoInputError);
      }
      if (supports(keyType, 'hmac')) {
        const tag = hmac(keyType, m, message);
        expect(tag.length).toBe(keyType === 'hmac-sha512' ? 64 : 32);
        expect(hmac(keyType, m, message).equals(tag)).toBe(true);
        expect(verifyHmac(keyType, m, message, tag)).toBe(true);
        expect(verifyHmac(keyType, m, message, flip(tag, 0))).toBe(false);
        expect(verifyHmac(keyType, m, message, tag.subarray(1))).toBe(false);
        exercised += 1;
      } else {
        expect(() => hmac(keyType, m, message)).toThrow(CryptoInputError);
      }
      if (supports(keyType, 'public-key')) {
        expect(publicKeyOf(keyType, m).length).toBeGreaterThan(0);
        exercised += 1;
      } else {
        expect(() => publicKeyOf(keyType, m)).toThrow(CryptoInputError);
      }
      expect(exercised).toBeGreaterThan(0);
    },
  );

  it('material sizes: raw 16/32/32 bytes for symmetric, 32/32/64 for HMAC, PKCS#8 for the rest', () => {
    expect(SYMMETRIC.map((t) => material(t).length)).toEqual([16, 32, 32]);
    expect(HMACS.map((t) => material(t).length)).toEqual([32, 32, 64]);
    for (const t of [...RSA, ...ECDSA, 'ed25519' as const]) {
      // PKCS#8 PrivateKeyInfo is a DER SEQUENCE.
      expect(material(t)[0]).toBe(0x30);
    }
  });
});

describe('symmetric encryption', () => {
  it.each(SYMMETRIC)('%s payload is nonce(12) || ciphertext || tag(16)', (keyType) => {
    const m = material(keyType);
    for (const size of [1, 17, 65_535]) {
      const plaintext = randomBytes(size);
      const payload = encrypt(keyType, m, plaintext);
      expect(payload.length).toBe(12 + size + 16);
      // Decrypt the layout directly with node:crypto, outside our code.
      const d = outsideDecipher(keyType, m, payload.subarray(0, 12));
      d.setAuthTag(payload.subarray(payload.length - 16));
      const out = Buffer.concat([d.update(payload.subarray(12, payload.length - 16)), d.final()]);
      expect(out.equals(plaintext)).toBe(true);
    }
  });

  it.each(SYMMETRIC)('%s decrypts a payload built outside our code', (keyType) => {
    const m = material(keyType);
    const nonce = randomBytes(12);
    const c = outsideCipher(keyType, m, nonce);
    const body = Buffer.concat([c.update('outside'), c.final()]);
    const payload = Buffer.concat([nonce, body, c.getAuthTag()]);
    expect(decrypt(keyType, m, payload).toString()).toBe('outside');
  });

  it('AES-256-GCM payloads decrypt with WebCrypto (nonce first, tag appended)', async () => {
    const m = material('aes256-gcm96');
    const payload = encrypt('aes256-gcm96', m, Buffer.from('webcrypto'));
    const key = await crypto.subtle.importKey('raw', new Uint8Array(m), 'AES-GCM', false, [
      'decrypt',
    ]);
    const out = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: new Uint8Array(payload.subarray(0, 12)) },
      key,
      new Uint8Array(payload.subarray(12)),
    );
    expect(Buffer.from(out).toString()).toBe('webcrypto');
  });

  it.each(SYMMETRIC)('%s: any altered byte (nonce, body, tag) is a CryptoInputError', (keyType) => {
    const m = material(keyType);
    const payload = encrypt(keyType, m, Buffer.from('tamper me'));
    for (const index of [0, 11, 12, 20, payload.length - 16, payload.length - 1]) {
      expect(() => decrypt(keyType, m, flip(payload, index))).toThrow(CryptoInputError);
    }
    expect(() => decrypt(keyType, m, payload.subarray(0, 27))).toThrow(CryptoInputError);
    expect(() => decrypt(keyType, m, Buffer.alloc(0))).toThrow(CryptoInputError);
    expect(() => decrypt(keyType, m, payload.subarray(0, payload.length - 1))).toThrow(
      CryptoInputError,
    );
    const otherKey = randomBytes(m.length);
    expect(() => decrypt(keyType, otherKey, payload)).toThrow(/does not decrypt/);
  });

  it('AES-128 and AES-256 payloads do not cross key types', () => {
    const m = material('aes256-gcm96');
    const payload = encrypt('aes256-gcm96', m, Buffer.from('x'));
    expect(() => decrypt('chacha20-poly1305', m, payload)).toThrow(CryptoInputError);
  });
});

describe('RSA-OAEP', () => {
  const limits: Array<[KeyType, number]> = [
    ['rsa-2048', 190],
    ['rsa-3072', 318],
    ['rsa-4096', 446],
  ];

  it.each(limits)(
    '%s encrypts exactly %i bytes and refuses one more, saying the limit',
    (keyType, limit) => {
      const m = material(keyType);
      const plaintext = randomBytes(limit);
      const payload = encrypt(keyType, m, plaintext);
      expect(payload.length).toBe(KEY_TYPE_INFO[keyType].bits / 8);
      expect(decrypt(keyType, m, payload).equals(plaintext)).toBe(true);
      const tooLong = () => encrypt(keyType, m, randomBytes(limit + 1));
      expect(tooLong).toThrow(CryptoInputError);
      expect(tooLong).toThrow(String(limit));
    },
  );

  it.each(RSA)('%s: altered or truncated ciphertext is a CryptoInputError', (keyType) => {
    const m = material(keyType);
    const payload = encrypt(keyType, m, Buffer.from('secret'));
    expect(() => decrypt(keyType, m, flip(payload, 5))).toThrow(CryptoInputError);
    expect(() => decrypt(keyType, m, flip(payload, payload.length - 1))).toThrow(CryptoInputError);
    expect(() => decrypt(keyType, m, payload.subarray(1))).toThrow(CryptoInputError);
    expect(() => decrypt(keyType, m, Buffer.concat([payload, Buffer.alloc(1)]))).toThrow(
      CryptoInputError,
    );
  });

  it('uses OAEP with SHA-256: node:crypto decrypts it with those parameters', async () => {
    const { privateDecrypt, constants } = await import('node:crypto');
    const m = material('rsa-2048');
    const payload = encrypt('rsa-2048', m, Buffer.from('oaep'));
    const out = privateDecrypt(
      {
        key: pkcs8Key(m),
        padding: constants.RSA_PKCS1_OAEP_PADDING,
        oaepHash: 'sha256',
      },
      payload,
    );
    expect(out.toString()).toBe('oaep');
  });
});

describe('signatures', () => {
  const hashes = ['sha2-256', 'sha2-384', 'sha2-512'] as const;
  const nodeHash = { 'sha2-256': 'sha256', 'sha2-384': 'sha384', 'sha2-512': 'sha512' } as const;

  it.each([...RSA, ...ECDSA])(
    '%s: prehashed signing equals signing the message, for every hash',
    (keyType) => {
      const m = material(keyType);
      const message = Buffer.from('prehash me');
      for (const hashAlgorithm of hashes) {
        const digest = createHash(nodeHash[hashAlgorithm]).update(message).digest();
        const fromDigest = sign(keyType, m, digest, { hashAlgorithm, prehashed: true });
        expect(verify(keyType, m, message, fromDigest, { hashAlgorithm })).toBe(true);
        expect(verify(keyType, m, digest, fromDigest, { hashAlgorithm, prehashed: true })).toBe(
          true,
        );
        const fromMessage = sign(keyType, m, message, { hashAlgorithm });
        expect(verify(keyType, m, digest, fromMessage, { hashAlgorithm, prehashed: true })).toBe(
          true,
        );
        // The hash is part of what is signed.
        const other = hashAlgorithm === 'sha2-256' ? 'sha2-512' : 'sha2-256';
        expect(verify(keyType, m, message, fromMessage, { hashAlgorithm: other })).toBe(false);
        const wrongDigest = flip(digest, 0);
        expect(
          verify(keyType, m, wrongDigest, fromDigest, { hashAlgorithm, prehashed: true }),
        ).toBe(false);
      }
    },
  );

  it.each([...RSA, ...ECDSA])(
    '%s: a prehashed input of the wrong length is a CryptoInputError',
    (keyType) => {
      const m = material(keyType);
      const digest384 = createHash('sha384').update('x').digest();
      expect(() => sign(keyType, m, digest384, { prehashed: true })).toThrow(CryptoInputError);
      expect(() => sign(keyType, m, digest384, { prehashed: true })).toThrow(/32-byte sha2-256/);
      expect(() =>
        sign(keyType, m, Buffer.alloc(31), { prehashed: true, hashAlgorithm: 'sha2-256' }),
      ).toThrow(CryptoInputError);
      expect(() =>
        sign(keyType, m, Buffer.alloc(32), { prehashed: true, hashAlgorithm: 'sha2-512' }),
      ).toThrow(CryptoInputError);
      const sig = sign(keyType, m, Buffer.from('x'));
      expect(() => verify(keyType, m, digest384, sig, { prehashed: true })).toThrow(
        CryptoInputError,
      );
    },
  );

  it('ed25519 ignores hashAlgorithm and refuses prehashed', () => {
    const m = material('ed25519');
    const message = Buffer.from('pure');
    const signature = sign('ed25519', m, message, { hashAlgorithm: 'sha2-512' });
    expect(signature.length).toBe(64);
    expect(verify('ed25519', m, message, signature)).toBe(true);
    expect(verify('ed25519', m, message, signature, { hashAlgorithm: 'sha2-384' })).toBe(true);
    // Deterministic (pure Ed25519).
    expect(sign('ed25519', m, message).equals(signature)).toBe(true);
    expect(() =>
      sign('ed25519', m, createHash('sha256').update(message).digest(), { prehashed: true }),
    ).toThrow(CryptoInputError);
    expect(() => verify('ed25519', m, message, signature, { prehashed: true })).toThrow(
      CryptoInputError,
    );
  });

  it('RSA-PSS salt is as long as the hash', async () => {
    const { verify: nodeVerify, constants } = await import('node:crypto');
    const m = material('rsa-2048');
    const message = Buffer.from('salt');
    for (const hashAlgorithm of hashes) {
      for (const prehashed of [false, true]) {
        const input = prehashed
          ? createHash(nodeHash[hashAlgorithm]).update(message).digest()
          : message;
        const sig = sign('rsa-2048', m, input, { hashAlgorithm, prehashed });
        const key = { key: pkcs8Key(m), padding: constants.RSA_PKCS1_PSS_PADDING };
        const saltLength = { 'sha2-256': 32, 'sha2-384': 48, 'sha2-512': 64 }[hashAlgorithm];
        expect(nodeVerify(nodeHash[hashAlgorithm], message, { ...key, saltLength }, sig)).toBe(
          true,
        );
        expect(
          nodeVerify(nodeHash[hashAlgorithm], message, { ...key, saltLength: saltLength + 1 }, sig),
        ).toBe(false);
      }
    }
  });

  it('verify accepts any PSS salt length (node-made signatures with salt 0 and max)', async () => {
    const { sign: nodeSign, constants } = await import('node:crypto');
    const m = material('rsa-3072');
    const message = Buffer.from('any salt');
    for (const saltLength of [0, 20, constants.RSA_PSS_SALTLEN_MAX_SIGN]) {
      const sig = nodeSign('sha384', message, {
        key: m,
        format: 'der',
        type: 'pkcs8',
        padding: constants.RSA_PKCS1_PSS_PADDING,
        saltLength,
      });
      expect(verify('rsa-3072', m, message, sig, { hashAlgorithm: 'sha2-384' })).toBe(true);
      const digest = createHash('sha384').update(message).digest();
      expect(
        verify('rsa-3072', m, digest, sig, { hashAlgorithm: 'sha2-384', prehashed: true }),
      ).toBe(true);
    }
  });

  it('malformed signatures verify as false, never throw', () => {
    const message = Buffer.from('m');
    const garbage = [
      Buffer.alloc(0),
      Buffer.from('not a signature'),
      randomBytes(72),
      Buffer.alloc(64, 0xff),
    ];
    for (const keyType of [...RSA, ...ECDSA, 'ed25519' as const]) {
      const m = material(keyType);
      for (const signature of garbage) {
        expect(verify(keyType, m, message, signature)).toBe(false);
        if (keyType !== 'ed25519') {
          const digest = createHash('sha256').update(message).digest();
          expect(verify(keyType, m, digest, signature, { prehashed: true })).toBe(false);
        }
      }
    }
    // An RSA "signature" of the right length but >= the modulus.
    const m = material('rsa-2048');
    expect(verify('rsa-2048', m, message, Buffer.alloc(256, 0xff))).toBe(false);
    expect(
      verify(
        'rsa-2048',
        m,
        createHash('sha256').update(message).digest(),
        Buffer.alloc(256, 0xff),
        { prehashed: true },
      ),
    ).toBe(false);
    // A DER ECDSA signature truncated by one byte.
    const ecSig = sign('ecdsa-p256', material('ecdsa-p256'), message);
    expect(
      verify('ecdsa-p256', material('ecdsa-p256'), message, ecSig.subarray(0, ecSig.length - 1)),
    ).toBe(false);
  });

  it('ECDSA signatures are ASN.1 DER (SEQUENCE of two INTEGERs)', () => {
    for (const keyType of ECDSA) {
      for (const prehashed of [false, true]) {
        const input = prehashed ? createHash('sha256').update('der').digest() : Buffer.from('der');
        const sig = sign(keyType, material(keyType), input, { prehashed });
        expect(sig[0]).toBe(0x30);
        // P-521 signatures need the long length form (0x81).
        const intAt = sig[1] === 0x81 ? 3 : 2;
        expect(sig[intAt]).toBe(0x02);
      }
    }
  });

  it('a signature does not verify under another key of the same type', async () => {
    const other = await generateKeyMaterial('ecdsa-p256');
    const sig = sign('ecdsa-p256', material('ecdsa-p256'), Buffer.from('k'));
    expect(verify('ecdsa-p256', other, Buffer.from('k'), sig)).toBe(false);
  });
});

describe('HMAC', () => {
  it('uses SHA-256 for hmac / hmac-sha256 and SHA-512 for hmac-sha512', async () => {
    const { createHmac } = await import('node:crypto');
    const input = Buffer.from('mac me');
    expect(hmac('hmac', material('hmac'), input)).toEqual(
      createHmac('sha256', material('hmac')).update(input).digest(),
    );
    expect(hmac('hmac-sha256', material('hmac-sha256'), input)).toEqual(
      createHmac('sha256', material('hmac-sha256')).update(input).digest(),
    );
    expect(hmac('hmac-sha512', material('hmac-sha512'), input)).toEqual(
      createHmac('sha512', material('hmac-sha512')).update(input).digest(),
    );
  });

  it('RFC 4231 test case 2 (short key) is refused: HMAC keys have fixed sizes', () => {
    expect(() =>
      hmac('hmac', Buffer.from('Jefe'), Buffer.from('what do ya want for nothing?')),
    ).toThrow(CryptoInputError);
  });
});

describe('assertMaterialFits', () => {
  it('checks raw lengths', () => {
    expect(() => assertMaterialFits('aes128-gcm96', randomBytes(16))).not.toThrow();
    expect(() => assertMaterialFits('aes128-gcm96', randomBytes(32))).toThrow(
      /exactly 16 raw bytes, got 32/,
    );
    expect(() => assertMaterialFits('aes256-gcm96', randomBytes(16))).toThrow(
      /exactly 32 raw bytes, got 16/,
    );
    expect(() => assertMaterialFits('chacha20-poly1305', randomBytes(31))).toThrow(
      CryptoInputError,
    );
    expect(() => assertMaterialFits('hmac-sha512', randomBytes(32))).toThrow(/64/);
  });

  it('checks RSA modulus size, EC curve and Ed25519', () => {
    expect(() => assertMaterialFits('rsa-3072', material('rsa-2048'))).toThrow(
      /RSA 3072-bit key, got an RSA 2048-bit key/,
    );
    expect(() => assertMaterialFits('ecdsa-p256', material('ecdsa-p384'))).toThrow(
      /prime256v1, got an EC key on curve secp384r1/,
    );
    expect(() => assertMaterialFits('ed25519', material('ecdsa-p256'))).toThrow(/Ed25519/);
    expect(() => assertMaterialFits('rsa-2048', material('ed25519'))).toThrow(CryptoInputError);
    expect(() => assertMaterialFits('ecdsa-p521', material('rsa-2048'))).toThrow(CryptoInputError);
  });

  it('refuses non-PKCS#8 data for asymmetric types', () => {
    expect(() => assertMaterialFits('rsa-2048', randomBytes(300))).toThrow(/PKCS#8 DER/);
    expect(() => assertMaterialFits('ed25519', randomBytes(32))).toThrow(/PKCS#8 DER/);
    const pkcs1 = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs1',
      format: 'der',
    });
    expect(() => assertMaterialFits('rsa-2048', pkcs1)).toThrow(/PKCS#8 DER/);
  });

  it('accepts PKCS#8 material made elsewhere', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const der = privateKey.export({ type: 'pkcs8', format: 'der' });
    expect(() => assertMaterialFits('ecdsa-p384', der)).not.toThrow();
    const sig = sign('ecdsa-p384', der, Buffer.from('imported'));
    expect(verify('ecdsa-p384', der, Buffer.from('imported'), sig)).toBe(true);
  });
});

describe('publicKeyOf', () => {
  it.each([...RSA, ...ECDSA])('%s gives an SPKI PEM of the same key', (keyType) => {
    const pem = publicKeyOf(keyType, material(keyType));
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n$/);
    const key = createPublicKey(pem);
    const expected = createPublicKey(pkcs8Key(material(keyType)));
    expect(key.equals(expected)).toBe(true);
  });

  it('ed25519 gives base64 of the raw 32 bytes', () => {
    const raw = Buffer.from(publicKeyOf('ed25519', material('ed25519')), 'base64');
    expect(raw.length).toBe(32);
    const spki = createPublicKey(pkcs8Key(material('ed25519'))).export({
      type: 'spki',
      format: 'der',
    });
    expect(spki.subarray(spki.length - 32).equals(raw)).toBe(true);
  });
});

describe('root key sealing', () => {
  const rootKey = randomBytes(32);

  it('round-trips and binds the aad', () => {
    const sealed = sealWithRootKey(rootKey, Buffer.from('material'), 'kms-1/v1');
    expect(sealed.length).toBe(12 + 8 + 16);
    expect(openWithRootKey(rootKey, sealed, 'kms-1/v1').toString()).toBe('material');
    expect(() => openWithRootKey(rootKey, sealed, 'kms-1/v2')).toThrow(/does not open/);
    expect(() => openWithRootKey(randomBytes(32), sealed, 'kms-1/v1')).toThrow(/does not open/);
    expect(() => openWithRootKey(rootKey, flip(sealed, 14), 'kms-1/v1')).toThrow(/does not open/);
  });

  it('a record that does not open is a server fault, not a CryptoInputError', () => {
    const sealed = sealWithRootKey(rootKey, Buffer.from('x'), 'a');
    let caught: unknown;
    try {
      openWithRootKey(rootKey, sealed, 'b');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Error);
    expect(caught).not.toBeInstanceOf(CryptoInputError);
  });

  it('refuses a root key that is not 32 bytes', () => {
    expect(() => sealWithRootKey(randomBytes(16), Buffer.from('x'), 'a')).toThrow(/32 bytes/);
  });
});
