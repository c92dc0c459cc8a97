import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ed25519RawToPem } from './ed25519-pem';

describe('ed25519RawToPem', () => {
  it('gives the PEM Node itself exports for the same key, readable back to the same raw bytes', () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    const raw = publicKey.export({ format: 'jwk' }).x!;
    const rawB64 = Buffer.from(raw, 'base64url').toString('base64');
    const pem = ed25519RawToPem(rawB64);
    expect(pem).toBe(publicKey.export({ format: 'pem', type: 'spki' }));
    const back = createPublicKey(pem!).export({ format: 'der', type: 'spki' });
    expect(back.subarray(12).toString('base64')).toBe(rawB64);
    expect(back.subarray(0, 12).toString('hex')).toBe('302a300506032b6570032100');
  });

  it.each([
    ['not base64', '***'],
    ['31 bytes', Buffer.alloc(31, 1).toString('base64')],
    ['33 bytes', Buffer.alloc(33, 1).toString('base64')],
    ['empty', ''],
  ])('refuses %s', (_, text) => {
    expect(ed25519RawToPem(text)).toBeNull();
  });
});
