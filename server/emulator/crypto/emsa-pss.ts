/**
 * EMSA-PSS encoding and verification (RFC 8017 section 9.1) with MGF1 over the same hash.
 * node:crypto on Node 20 cannot sign a bare digest, so the RSA `prehashed` path encodes here
 * and applies the raw RSA primitive (RSA_NO_PADDING) in rsa.ts.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

type Digest = 'sha256' | 'sha384' | 'sha512';

const ZERO8 = Buffer.alloc(8);

export function mgf1(hash: Digest, seed: Buffer, length: number): Buffer {
  const blocks: Buffer[] = [];
  let produced = 0;
  for (let counter = 0; produced < length; counter += 1) {
    const c = Buffer.alloc(4);
    c.writeUInt32BE(counter);
    const block = createHash(hash).update(seed).update(c).digest();
    blocks.push(block);
    produced += block.length;
  }
  return Buffer.concat(blocks).subarray(0, length);
}

function topMask(emLen: number, emBits: number): number {
  // Bits of the first byte that must be zero: the leftmost 8*emLen - emBits.
  return 0xff >> (8 * emLen - emBits);
}

/** EM for the digest `mHash`, with a random salt of `saltLength` bytes. */
export function emsaPssEncode(
  hash: Digest,
  mHash: Buffer,
  emBits: number,
  saltLength: number,
): Buffer {
  const hLen = mHash.length;
  const emLen = Math.ceil(emBits / 8);
  if (emLen < hLen + saltLength + 2) throw new Error('RSA modulus too small for PSS encoding');
  const salt = randomBytes(saltLength);
  const h = createHash(hash).update(ZERO8).update(mHash).update(salt).digest();
  const db = Buffer.alloc(emLen - hLen - 1);
  db[emLen - saltLength - hLen - 2] = 0x01;
  salt.copy(db, emLen - saltLength - hLen - 1);
  const mask = mgf1(hash, h, db.length);
  for (let i = 0; i < db.length; i += 1) db[i] = (db[i] ?? 0) ^ (mask[i] ?? 0);
  db[0] = (db[0] ?? 0) & topMask(emLen, emBits);
  return Buffer.concat([db, h, Buffer.from([0xbc])]);
}

/** EMSA-PSS-VERIFY accepting any salt length (like RSA_PSS_SALTLEN_AUTO). */
export function emsaPssVerify(hash: Digest, mHash: Buffer, em: Buffer, emBits: number): boolean {
  const hLen = mHash.length;
  const emLen = Math.ceil(emBits / 8);
  if (em.length !== emLen || emLen < hLen + 2) return false;
  if (em[emLen - 1] !== 0xbc) return false;
  const maskedDb = em.subarray(0, emLen - hLen - 1);
  const h = em.subarray(emLen - hLen - 1, emLen - 1);
  const mask = topMask(emLen, emBits);
  if (((maskedDb[0] ?? 0) & ~mask & 0xff) !== 0) return false;
  const dbMask = mgf1(hash, h, maskedDb.length);
  const db = Buffer.alloc(maskedDb.length);
  for (let i = 0; i < db.length; i += 1) db[i] = (maskedDb[i] ?? 0) ^ (dbMask[i] ?? 0);
  db[0] = (db[0] ?? 0) & mask;
  const one = db.findIndex((b) => b !== 0);
  if (one < 0 || db[one] !== 0x01) return false;
  const salt = db.subarray(one + 1);
  const expected = createHash(hash).update(ZERO8).update(mHash).update(salt).digest();
  return expected.length === h.length && timingSafeEqual(expected, h);
}
