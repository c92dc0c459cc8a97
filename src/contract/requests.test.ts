import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { KEY_TYPES, type KeyType } from './key-types';
import {
  createKeyRequestSchema,
  cryptoInputSchema,
  decryptRequestSchema,
  encryptRequestSchema,
  exportRequestSchema,
  hmacRequestSchema,
  keyNameSchema,
  publicKeyQuerySchema,
  signRequestSchema,
  updateRotationRequestSchema,
  verifyHmacRequestSchema,
  verifyRequestSchema,
  versionStringSchema,
} from './requests';

/** Standard base64 of `n` bytes. */
const b64 = (n: number) => btoa('x'.repeat(n));
const ok = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;
/** Messages of every issue a schema reports for `value` (empty when it parses). */
const messages = (schema: z.ZodType, value: unknown) =>
  schema.safeParse(value).error?.issues.map((i) => i.message) ?? [];

const HMAC_TYPES: KeyType[] = ['hmac', 'hmac-sha256', 'hmac-sha512'];
const NON_HMAC_TYPES = KEY_TYPES.filter((t) => !HMAC_TYPES.includes(t));

describe('CreateKey name', () => {
  it.each([
    ['empty', '', false],
    ['1 character', 'a', true],
    ['255 characters', 'a'.repeat(255), true],
    ['256 characters', 'a'.repeat(256), false],
    ['only symbols (slug is empty)', '---', false],
    ['only spaces (slug is empty)', '   ', false],
    ['only non-ASCII letters (slug is empty)', 'ÄÖÜ', false],
    ['spaces and symbols around a letter', ' _x_ ', true],
  ])('%s -> valid: %s', (_, name, valid) => {
    expect(ok(keyNameSchema, name)).toBe(valid);
    expect(ok(createKeyRequestSchema, { name })).toBe(valid);
  });

  it('is required', () => {
    expect(ok(createKeyRequestSchema, {})).toBe(false);
    expect(ok(createKeyRequestSchema, { name: 42 })).toBe(false);
  });
});

describe('CreateKey description', () => {
  it.each([
    ['absent', undefined, true],
    ['empty', '', true],
    ['1024 characters', 'd'.repeat(1024), true],
    ['1025 characters', 'd'.repeat(1025), false],
  ])('%s -> valid: %s', (_, description, valid) => {
    expect(ok(createKeyRequestSchema, { name: 'k', description })).toBe(valid);
  });
});

describe('CreateKey labels and annotations', () => {
  it('accepts valid maps and rejects bad keys in either', () => {
    expect(
      ok(createKeyRequestSchema, { name: 'k', labels: { env: 'prod', 'x.io/tier': '' } }),
    ).toBe(true);
    expect(
      ok(createKeyRequestSchema, { name: 'k', annotations: { 'x.io/note': 'any text' } }),
    ).toBe(true);
    expect(ok(createKeyRequestSchema, { name: 'k', labels: { '-bad': 'v' } })).toBe(false);
    expect(ok(createKeyRequestSchema, { name: 'k', annotations: { 'a/b/c': 'v' } })).toBe(false);
  });
});

describe('CreateKey keyType', () => {
  it.each(KEY_TYPES.map((t) => [t]))('accepts %s', (keyType) => {
    expect(ok(createKeyRequestSchema, { name: 'k', keyType })).toBe(true);
  });

  it.each([
    ['AES256-GCM96'],
    ['aes-256'],
    ['rsa-1024'],
    ['ecdsa-p224'],
    ['hmac-sha384'],
    [''],
    [1],
  ])('rejects %j', (keyType) => {
    expect(ok(createKeyRequestSchema, { name: 'k', keyType })).toBe(false);
  });

  it('may be absent (the emulator defaults it)', () => {
    expect(createKeyRequestSchema.parse({ name: 'k' }).keyType).toBeUndefined();
  });
});

describe('CreateKey rotation', () => {
  it.each([
    [0, false],
    [1, true],
    [3650, true],
    [3651, false],
    [1.5, false],
    [-1, false],
    ['30', false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
  ])('rotationPeriodInDays %j with rotation on -> valid: %s', (days, valid) => {
    expect(
      ok(createKeyRequestSchema, {
        name: 'k',
        keyRotationEnabled: true,
        rotationPeriodInDays: days,
      }),
    ).toBe(valid);
  });

  it('requires the period when keyRotationEnabled is true', () => {
    const result = createKeyRequestSchema.safeParse({ name: 'k', keyRotationEnabled: true });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toEqual([['rotationPeriodInDays']]);
  });

  it.each([
    ['rotation off, no period', { keyRotationEnabled: false }],
    ['rotation off, with a period', { keyRotationEnabled: false, rotationPeriodInDays: 90 }],
    ['rotation absent, with a period', { rotationPeriodInDays: 90 }],
    ['rotation absent, no period', {}],
  ])('accepts %s', (_, fields) => {
    expect(ok(createKeyRequestSchema, { name: 'k', ...fields })).toBe(true);
  });

  it('checks the period range even with rotation off', () => {
    expect(
      ok(createKeyRequestSchema, { name: 'k', keyRotationEnabled: false, rotationPeriodInDays: 0 }),
    ).toBe(false);
  });
});

describe('CreateKey BYOK', () => {
  const material = b64(600);

  it.each(NON_HMAC_TYPES.map((t) => [t]))('allows importKeyMaterial for %s', (keyType) => {
    expect(ok(createKeyRequestSchema, { name: 'k', keyType, importKeyMaterial: material })).toBe(
      true,
    );
  });

  it.each(HMAC_TYPES.map((t) => [t]))('never allows importKeyMaterial for %s', (keyType) => {
    const result = createKeyRequestSchema.safeParse({
      name: 'k',
      keyType,
      importKeyMaterial: material,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toEqual([['importKeyMaterial']]);
  });

  it.each(HMAC_TYPES.map((t) => [t]))('allows %s without importKeyMaterial', (keyType) => {
    expect(ok(createKeyRequestSchema, { name: 'k', keyType })).toBe(true);
  });

  it('allows import without keyType (the default aes256-gcm96 is importable)', () => {
    expect(ok(createKeyRequestSchema, { name: 'k', importKeyMaterial: material })).toBe(true);
  });

  it.each([
    ['empty', '', false],
    ['padded base64', 'AAAA', true],
    ['base64 with padding', 'AAA=', true],
    ['unpadded', 'AAA', false],
    ['URL-safe alphabet', 'ab-_', false],
    ['with whitespace', 'AAAA AAAA', false],
    ['not base64', 'not base64!', false],
    ['not a string', 1234, false],
  ])('importKeyMaterial %s -> valid: %s', (_, importKeyMaterial, valid) => {
    expect(ok(createKeyRequestSchema, { name: 'k', importKeyMaterial })).toBe(valid);
  });

  it.each([
    ['sha256', true],
    ['sha1', true],
    ['sha384', true],
    ['sha512', true],
    ['sha2-256', false],
    ['SHA256', false],
    ['md5', false],
  ])('hashFunction %s -> valid: %s', (hashFunction, valid) => {
    expect(
      ok(createKeyRequestSchema, { name: 'k', importKeyMaterial: material, hashFunction }),
    ).toBe(valid);
  });

  it('accepts allowRotation as a boolean only', () => {
    expect(
      ok(createKeyRequestSchema, { name: 'k', importKeyMaterial: material, allowRotation: true }),
    ).toBe(true);
    expect(ok(createKeyRequestSchema, { name: 'k', allowRotation: 'yes' })).toBe(false);
  });

  it('accepts booleans only for exportAllowed and keyRotationEnabled', () => {
    expect(ok(createKeyRequestSchema, { name: 'k', exportAllowed: true })).toBe(true);
    expect(ok(createKeyRequestSchema, { name: 'k', exportAllowed: 'true' })).toBe(false);
    expect(ok(createKeyRequestSchema, { name: 'k', keyRotationEnabled: 1 })).toBe(false);
  });
});

describe('UpdateRotation', () => {
  it.each([
    ['no field (a no-op)', {}, true],
    ['keyRotationEnabled only (true)', { keyRotationEnabled: true }, true],
    ['keyRotationEnabled only (false)', { keyRotationEnabled: false }, true],
    ['rotationPeriodInDays only', { rotationPeriodInDays: 30 }, true],
    ['both', { keyRotationEnabled: true, rotationPeriodInDays: 30 }, true],
    ['period 0', { rotationPeriodInDays: 0 }, false],
    ['period 1', { rotationPeriodInDays: 1 }, true],
    ['period 3650', { rotationPeriodInDays: 3650 }, true],
    ['period 3651', { rotationPeriodInDays: 3651 }, false],
    ['period 1.5', { rotationPeriodInDays: 1.5 }, false],
    ['only unknown fields (a no-op)', { name: 'x' }, true],
    ['keyRotationEnabled not a boolean', { keyRotationEnabled: 'true' }, false],
  ])('%s -> valid: %s', (_, body, valid) => {
    expect(ok(updateRotationRequestSchema, body)).toBe(valid);
  });
});

describe('crypto inputs (plaintext, input): base64 of 1 to 65,535 bytes', () => {
  const cases: [string, unknown, boolean][] = [
    ['empty', '', false],
    ['invalid base64', '@@@@', false],
    ['unpadded base64 of 1 byte', 'eA', false],
    ['unpadded base64 of 2 bytes', 'eHg', false],
    ['1 byte', b64(1), true],
    ['2 bytes', b64(2), true],
    ['3 bytes', b64(3), true],
    ['exactly 65,535 bytes', b64(65_535), true],
    ['65,536 bytes', b64(65_536), false],
    ['a number', 5, false],
    ['absent', undefined, false],
  ];

  it.each(cases)('%s -> valid: %s', (_, value, valid) => {
    expect(ok(cryptoInputSchema, value)).toBe(valid);
    expect(ok(encryptRequestSchema, { plaintext: value })).toBe(valid);
    expect(ok(signRequestSchema, { input: value })).toBe(valid);
    expect(ok(hmacRequestSchema, { input: value })).toBe(valid);
    expect(ok(verifyRequestSchema, { input: value, signature: 'thalassa:v1:AAAA' })).toBe(valid);
    expect(ok(verifyHmacRequestSchema, { input: value, hmac: 'thalassa:v1:AAAA' })).toBe(valid);
  });

  it.each([
    ['empty', '', /empty/],
    ['invalid base64', '@@@@', /base64/],
    ['unpadded', 'eA', /base64/],
    ['too large', b64(65_536), /65,535/],
  ])('explains why %s is refused, with one message', (_, value, reason) => {
    const msgs = messages(cryptoInputSchema, value);
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatch(reason);
  });
});

describe('keyVersion strings', () => {
  it.each([
    ['"1"', '1', true],
    ['"2"', '2', true],
    ['"10"', '10', true],
    ['"999999999"', '999999999', true],
    ['"0"', '0', false],
    ['"01"', '01', false],
    ['"-1"', '-1', false],
    ['"1.0"', '1.0', false],
    ['" 1"', ' 1', false],
    ['"v1"', 'v1', false],
    ['empty string', '', false],
    ['the number 2', 2, false],
  ])('%s -> valid: %s', (_, keyVersion, valid) => {
    expect(ok(versionStringSchema, keyVersion)).toBe(valid);
    expect(ok(encryptRequestSchema, { plaintext: 'AAAA', keyVersion })).toBe(valid);
    expect(ok(signRequestSchema, { input: 'AAAA', keyVersion })).toBe(valid);
    expect(ok(hmacRequestSchema, { input: 'AAAA', keyVersion })).toBe(valid);
    expect(ok(exportRequestSchema, { keyVersion })).toBe(valid);
    expect(ok(publicKeyQuerySchema, { version: keyVersion })).toBe(valid);
  });

  it('is optional where the spec marks it so', () => {
    expect(ok(encryptRequestSchema, { plaintext: 'AAAA' })).toBe(true);
    expect(ok(exportRequestSchema, {})).toBe(true);
    expect(ok(publicKeyQuerySchema, {})).toBe(true);
  });
});

describe('hash algorithms on sign, verify, hmac, verify-hmac', () => {
  it.each([
    ['sha2-256', true],
    ['sha2-384', true],
    ['sha2-512', true],
    ['sha256', false],
    ['sha1', false],
    ['SHA2-256', false],
  ])('%s -> valid: %s', (alg, valid) => {
    expect(ok(signRequestSchema, { input: 'AAAA', hashAlgorithm: alg })).toBe(valid);
    expect(
      ok(verifyRequestSchema, { input: 'AAAA', signature: 'thalassa:v1:AAAA', hashAlgorithm: alg }),
    ).toBe(valid);
    expect(ok(hmacRequestSchema, { input: 'AAAA', algorithm: alg })).toBe(valid);
    expect(
      ok(verifyHmacRequestSchema, { input: 'AAAA', hmac: 'thalassa:v1:AAAA', hashAlgorithm: alg }),
    ).toBe(valid);
  });
});

describe('sign options', () => {
  it.each([
    ['no context', {}, true],
    ['empty context', { context: '' }, true],
    ['non-empty context (Ed25519ctx is not offered)', { context: 'ctx' }, false],
  ])('%s -> valid: %s', (_, extra, valid) => {
    expect(ok(signRequestSchema, { input: 'AAAA', ...extra })).toBe(valid);
  });
});

describe('ciphertext, signature and hmac strings in requests', () => {
  it.each([
    ['a thalassa string', 'thalassa:v1:AAAA', true],
    ['a later version', 'thalassa:v12:AAAA', true],
    ['empty', '', false],
    ['bare base64', 'AAAA', false],
    ['version 0', 'thalassa:v0:AAAA', false],
    ['payload not base64', 'thalassa:v1:@@@@', false],
    ['surrounding whitespace', ' thalassa:v1:AAAA\n', false],
  ])('%s -> valid: %s', (_, value, valid) => {
    expect(ok(decryptRequestSchema, { ciphertext: value })).toBe(valid);
    expect(ok(verifyRequestSchema, { input: 'AAAA', signature: value })).toBe(valid);
    expect(ok(verifyHmacRequestSchema, { input: 'AAAA', hmac: value })).toBe(valid);
  });

  it('requires them', () => {
    expect(ok(decryptRequestSchema, {})).toBe(false);
    expect(ok(verifyRequestSchema, { input: 'AAAA' })).toBe(false);
    expect(ok(verifyHmacRequestSchema, { input: 'AAAA' })).toBe(false);
  });
});
