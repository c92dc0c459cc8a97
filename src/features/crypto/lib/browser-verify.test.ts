import { constants, createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatThalassaString, HASH_LENGTH, type HashAlgorithm, type KeyType } from '@/contract';
import { verifyInBrowser } from './browser-verify';

const NODE_HASH: Record<HashAlgorithm, string> = {
  'sha2-256': 'sha256',
  'sha2-384': 'sha384',
  'sha2-512': 'sha512',
};

/** Signs the way the emulator does and gives what `public-key` serves. */
function signer(keyType: KeyType): {
  publicKey: string;
  sign: (data: Buffer, hash: HashAlgorithm) => string;
} {
  let privateKey: KeyObject;
  let publicKey: string;
  if (keyType.startsWith('rsa-')) {
    const pair = generateKeyPairSync('rsa', { modulusLength: Number(keyType.slice(4)) });
    privateKey = pair.privateKey;
    publicKey = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    return {
      publicKey,
      sign: (data, hash) =>
        formatThalassaString(
          1,
          sign(NODE_HASH[hash], data, {
            key: privateKey,
            padding: constants.RSA_PKCS1_PSS_PADDING,
            saltLength: HASH_LENGTH[hash],
          }).toString('base64'),
        ),
    };
  }
  if (keyType === 'ed25519') {
    const pair = generateKeyPairSync('ed25519');
    const jwk = pair.publicKey.export({ format: 'jwk' });
    publicKey = Buffer.from(jwk.x ?? '', 'base64url').toString('base64');
    return {
      publicKey,
      sign: (data) => formatThalassaString(1, sign(null, data, pair.privateKey).toString('base64')),
    };
  }
  const curve = { 'ecdsa-p256': 'P-256', 'ecdsa-p384': 'P-384', 'ecdsa-p521': 'P-521' }[
    keyType as 'ecdsa-p256'
  ];
  const pair = generateKeyPairSync('ec', { namedCurve: curve });
  return {
    publicKey: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sign: (data, hash) =>
      formatThalassaString(
        1,
        sign(NODE_HASH[hash], data, { key: pair.privateKey, dsaEncoding: 'der' }).toString(
          'base64',
        ),
      ),
  };
}

const message = Buffer.from('The quick brown fox');
const other = Buffer.from('The quick brown cat');

describe('verifyInBrowser (WebCrypto)', () => {
  it.each(['rsa-2048', 'ecdsa-p256', 'ecdsa-p384', 'ecdsa-p521'] as const)(
    'confirms a %s signature and rejects it for another message',
    async (keyType) => {
      const s = signer(keyType);
      for (const hash of ['sha2-256', 'sha2-512'] as const) {
        const signature = s.sign(message, hash);
        const base = {
          keyType,
          publicKey: s.publicKey,
          signature,
          hashAlgorithm: hash,
          prehashed: false,
        };
        const good = await verifyInBrowser({ ...base, input: message });
        // P-521 may be missing from a WebCrypto: then it must say so rather than guess.
        if (good.status === 'unsupported') {
          expect(keyType).toBe('ecdsa-p521');
          continue;
        }
        expect(good).toEqual({ status: 'valid' });
        expect((await verifyInBrowser({ ...base, input: other })).status).toBe('invalid');
        const wrongHash = hash === 'sha2-256' ? 'sha2-512' : 'sha2-256';
        expect(
          (await verifyInBrowser({ ...base, input: message, hashAlgorithm: wrongHash })).status,
        ).toBe('invalid');
      }
    },
  );

  it('confirms an Ed25519 signature where WebCrypto has Ed25519', async () => {
    const s = signer('ed25519');
    const signature = s.sign(message, 'sha2-256');
    const base = {
      keyType: 'ed25519' as const,
      publicKey: s.publicKey,
      signature,
      hashAlgorithm: 'sha2-256' as const,
      prehashed: false,
    };
    const good = await verifyInBrowser({ ...base, input: message });
    if (good.status === 'unsupported') return;
    expect(good).toEqual({ status: 'valid' });
    expect((await verifyInBrowser({ ...base, input: other })).status).toBe('invalid');
  });

  it('does not claim to check a prehashed digest', async () => {
    const s = signer('ecdsa-p256');
    const digest = createHash('sha256').update(message).digest();
    const result = await verifyInBrowser({
      keyType: 'ecdsa-p256',
      publicKey: s.publicKey,
      input: digest,
      signature: s.sign(message, 'sha2-256'),
      hashAlgorithm: 'sha2-256',
      prehashed: true,
    });
    expect(result.status).toBe('unsupported');
  });

  it('reports a public key it cannot import as an error, not as invalid', async () => {
    const s = signer('ecdsa-p256');
    const result = await verifyInBrowser({
      keyType: 'ecdsa-p256',
      publicKey: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----',
      input: message,
      signature: s.sign(message, 'sha2-256'),
      hashAlgorithm: 'sha2-256',
      prehashed: false,
    });
    expect(result.status).toBe('error');
  });
});
