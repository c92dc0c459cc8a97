import { describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES } from '@/contract';
import {
  decodeInput,
  EMPTY_INPUT,
  inputLimitFor,
  inputProblem,
  switchMode,
  type InputValue,
} from './input';

const text = (t: string): InputValue => ({ ...EMPTY_INPUT, text: t });
const b64 = (b: string): InputValue => ({ ...EMPTY_INPUT, mode: 'base64', base64: b });

describe('decodeInput', () => {
  it('measures text as UTF-8 bytes, not characters', () => {
    const d = decodeInput(text('héllo €'));
    expect(d.size).toBe(10);
    expect(d.base64).toBe(btoa(String.fromCharCode(...new TextEncoder().encode('héllo €'))));
  });

  it('measures base64 by its decoded size and ignores pasted line breaks', () => {
    expect(decodeInput(b64('SGVs\nbG8=\n'))).toEqual({
      size: 5,
      base64: 'SGVsbG8=',
      formatError: null,
    });
  });

  it('reports base64 that is not standard base64', () => {
    const d = decodeInput(b64('SGVsbG8'));
    expect(d.base64).toBeNull();
    expect(d.formatError).toMatch(/base64/);
    expect(decodeInput(b64('SGV-bG8_')).formatError).not.toBeNull();
  });

  it('keeps the size of an over-limit file that was never read', () => {
    const d = decodeInput({
      ...EMPTY_INPUT,
      mode: 'file',
      file: { name: 'big', size: 70_000, bytes: null },
    });
    expect(d).toEqual({ size: 70_000, base64: null, formatError: null });
  });
});

describe('switchMode', () => {
  it('carries text over to base64', () => {
    expect(switchMode(text('Hello'), 'base64')).toMatchObject({
      mode: 'base64',
      base64: 'SGVsbG8=',
    });
  });
  it('carries base64 over to text only when it is valid UTF-8', () => {
    expect(switchMode(b64('SGVsbG8='), 'text')).toMatchObject({ mode: 'text', text: 'Hello' });
    const binary = switchMode({ ...b64('/w=='), text: 'earlier' }, 'text');
    expect(binary).toMatchObject({ mode: 'text', text: 'earlier' });
  });
});

describe('input limits', () => {
  it('uses the RSA-OAEP limit of the key type for encrypt', () => {
    expect(inputLimitFor('rsa-2048', 'encrypt').max).toBe(190);
    expect(inputLimitFor('rsa-3072', 'encrypt').max).toBe(318);
    expect(inputLimitFor('rsa-4096', 'encrypt').max).toBe(446);
    expect(inputLimitFor('aes256-gcm96', 'encrypt').max).toBe(MAX_INPUT_BYTES);
    expect(inputLimitFor('rsa-2048', 'sign').max).toBe(MAX_INPUT_BYTES);
  });

  it('wants exactly the digest length for a prehashed input', () => {
    const limit = inputLimitFor('ecdsa-p384', 'sign', {
      prehashed: true,
      hashAlgorithm: 'sha2-384',
    });
    expect(limit.exact).toBe(48);
    expect(inputProblem({ size: 32, base64: 'x', formatError: null }, limit)).toMatch(
      /exactly 48 bytes/,
    );
    expect(inputProblem({ size: 48, base64: 'x', formatError: null }, limit)).toBeNull();
  });

  it('refuses empty and over-limit inputs with a reason', () => {
    const limit = inputLimitFor('rsa-2048', 'encrypt');
    expect(inputProblem(decodeInput(text('')), limit)).toMatch(/at least 1 byte/);
    expect(inputProblem(decodeInput(text('a'.repeat(190))), limit)).toBeNull();
    expect(inputProblem(decodeInput(text('a'.repeat(191))), limit)).toBe(
      'Input is 191 bytes: RSA 2048 (RSA-OAEP SHA-256) encrypts at most 190 bytes.',
    );
    const any = inputLimitFor('aes128-gcm96', 'encrypt');
    expect(inputProblem(decodeInput(text('a'.repeat(MAX_INPUT_BYTES + 1))), any)).toMatch(
      /65,536 bytes/,
    );
  });
});
