import {
  base64DecodedLength,
  HASH_LENGTH,
  isBase64,
  KEY_TYPE_INFO,
  MAX_INPUT_BYTES,
  MIN_INPUT_BYTES,
  type HashAlgorithm,
  type KeyType,
} from '@/contract';
import { base64ToBytes, bytesToBase64, bytesToUtf8 } from '@/lib/encoding';
import { formatBytes } from '@/lib/format';

export type InputMode = 'text' | 'base64' | 'file';

export interface InputFile {
  name: string;
  size: number;
  /** Null when the file is over the limit: it is never read. */
  bytes: Uint8Array | null;
}

/** What the user has entered; each mode keeps its own value. */
export interface InputValue {
  mode: InputMode;
  text: string;
  base64: string;
  file: InputFile | null;
}

export const EMPTY_INPUT: InputValue = { mode: 'text', text: '', base64: '', file: null };

/** Derived facts about an input: its decoded size and its base64 form for the API. */
export interface DecodedInput {
  /** Decoded size in bytes (also for an unread, over-limit file). */
  size: number;
  /** Standard base64 to send, or null when the input is not valid. */
  base64: string | null;
  /** Why the value cannot be decoded (bad base64), or null. */
  formatError: string | null;
}

/** Whitespace and line breaks in pasted base64 are not data. */
export function normaliseBase64(value: string): string {
  return value.replace(/\s+/g, '');
}

export function decodeInput(input: InputValue): DecodedInput {
  switch (input.mode) {
    case 'text': {
      const bytes = new TextEncoder().encode(input.text);
      return { size: bytes.length, base64: bytesToBase64(bytes), formatError: null };
    }
    case 'base64': {
      const b64 = normaliseBase64(input.base64);
      if (!isBase64(b64)) {
        return {
          size: 0,
          base64: null,
          formatError: 'Not valid standard base64 (A–Z, a–z, 0–9, +, / and = padding).',
        };
      }
      return { size: base64DecodedLength(b64), base64: b64, formatError: null };
    }
    case 'file': {
      if (!input.file) return { size: 0, base64: null, formatError: null };
      const { bytes, size } = input.file;
      return { size, base64: bytes ? bytesToBase64(bytes) : null, formatError: null };
    }
  }
}

/** The bytes of an input when it decodes (for browser-side checks). */
export function inputBytes(input: InputValue): Uint8Array | null {
  const decoded = decodeInput(input);
  return decoded.base64 === null ? null : base64ToBytes(decoded.base64);
}

/**
 * Switches mode, carrying the current data over where it can be shown losslessly:
 * text → base64 always; base64 or file → text only when the bytes are valid UTF-8.
 */
export function switchMode(input: InputValue, mode: InputMode): InputValue {
  if (mode === input.mode) return input;
  const decoded = decodeInput(input);
  const bytes = decoded.base64 !== null && decoded.size > 0 ? base64ToBytes(decoded.base64) : null;
  const next: InputValue = { ...input, mode };
  if (mode === 'base64' && bytes) next.base64 = decoded.base64 ?? '';
  if (mode === 'text' && bytes) {
    const text = bytesToUtf8(bytes);
    if (text !== null) next.text = text;
  }
  return next;
}

export interface InputLimit {
  /** Largest decoded size allowed. */
  max: number;
  /** When set, the input must be exactly this many bytes (a prehashed digest). */
  exact: number | null;
  /** What the limit is, for the size line: "RSA 2048 encrypts at most 190 bytes". */
  description: string;
}

/** Input limits by operation (docs/emulator.md, "Crypto inputs" and, for RSA-OAEP, "Key types"). */
export function inputLimitFor(
  keyType: KeyType,
  op: 'encrypt' | 'sign' | 'verify' | 'hmac' | 'verify-hmac',
  options: { prehashed?: boolean; hashAlgorithm?: HashAlgorithm } = {},
): InputLimit {
  const info = KEY_TYPE_INFO[keyType];
  if (op === 'encrypt' && info.maxPlaintextBytes !== null) {
    return {
      max: info.maxPlaintextBytes,
      exact: null,
      description: `${info.label} (RSA-OAEP SHA-256) encrypts at most ${info.maxPlaintextBytes.toLocaleString('en')} bytes`,
    };
  }
  if ((op === 'sign' || op === 'verify') && options.prehashed && options.hashAlgorithm) {
    const n = HASH_LENGTH[options.hashAlgorithm];
    return {
      max: n,
      exact: n,
      description: `A prehashed ${options.hashAlgorithm.toUpperCase()} digest is exactly ${n} bytes`,
    };
  }
  return {
    max: MAX_INPUT_BYTES,
    exact: null,
    description: `Inputs are at most ${MAX_INPUT_BYTES.toLocaleString('en')} bytes`,
  };
}

/** Why this input may not be sent, or null when it may. Checked before any request. */
export function inputProblem(decoded: DecodedInput, limit: InputLimit): string | null {
  if (decoded.formatError) return decoded.formatError;
  if (decoded.size < MIN_INPUT_BYTES) return 'Enter the input first (at least 1 byte).';
  if (limit.exact !== null && decoded.size !== limit.exact) {
    return `Input is ${formatBytes(decoded.size)}: ${limit.description}.`;
  }
  if (decoded.size > limit.max) {
    return `Input is ${decoded.size.toLocaleString('en')} bytes: ${limit.description}.`;
  }
  if (decoded.base64 === null) return 'The input could not be read.';
  return null;
}
