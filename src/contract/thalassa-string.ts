import { isBase64 } from './base64';

/** `thalassa:v<N>:<base64>`: the form of every ciphertext, signature and HMAC. */
const THALASSA_RE = /^thalassa:v([1-9][0-9]{0,8}):([A-Za-z0-9+/=]+)$/;

export interface ThalassaString {
  version: number;
  payload: string;
}

/**
 * Parses a ciphertext/signature/hmac string; null when it is not exactly of the form.
 * Surrounding whitespace is not part of the form: callers that accept pasted text trim it first.
 */
export function parseThalassaString(value: string): ThalassaString | null {
  const m = THALASSA_RE.exec(value);
  if (!m) return null;
  const payload = m[2] ?? '';
  if (!isBase64(payload)) return null;
  return { version: Number(m[1]), payload };
}

export function formatThalassaString(version: number, payloadBase64: string): string {
  return `thalassa:v${version}:${payloadBase64}`;
}
