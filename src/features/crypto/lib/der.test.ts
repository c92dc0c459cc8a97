import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { derToP1363 } from './der';

describe('derToP1363', () => {
  it('gives r||s that node:crypto accepts as IEEE P1363 for P-256, P-384 and P-521', () => {
    for (const [curve, size] of [
      ['P-256', 32],
      ['P-384', 48],
      ['P-521', 66],
    ] as const) {
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: curve });
      for (let i = 0; i < 8; i++) {
        const data = Buffer.from(`message ${i}`);
        const der = sign('sha256', data, { key: privateKey, dsaEncoding: 'der' });
        const p1363 = derToP1363(new Uint8Array(der), size);
        expect(p1363?.length).toBe(size * 2);
        const ok = verify(
          'sha256',
          data,
          { key: publicKey, dsaEncoding: 'ieee-p1363' },
          p1363 ?? new Uint8Array(),
        );
        expect(ok).toBe(true);
      }
    }
  });

  it('pads short integers and strips the sign byte', () => {
    // SEQUENCE { INTEGER 0x01, INTEGER 0x00 0x80 }
    const der = new Uint8Array([0x30, 0x07, 0x02, 0x01, 0x01, 0x02, 0x02, 0x00, 0x80]);
    const out = derToP1363(der, 4);
    expect(Array.from(out ?? [])).toEqual([0, 0, 0, 1, 0, 0, 0, 0x80]);
  });

  it('returns null for bytes that are not a DER signature', () => {
    expect(derToP1363(new Uint8Array([1, 2, 3]), 32)).toBeNull();
    expect(derToP1363(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]), 32)).toBeNull();
    // Trailing garbage after the sequence
    expect(
      derToP1363(new Uint8Array([0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01, 0xff]), 4),
    ).toBeNull();
  });
});
