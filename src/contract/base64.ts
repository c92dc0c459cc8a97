/** Standard base64 (RFC 4648 section 4) with padding; empty string excluded by callers. */
export const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function isBase64(value: string): boolean {
  return BASE64_RE.test(value);
}

/** Decoded size in bytes of a valid standard base64 string. */
export function base64DecodedLength(value: string): number {
  if (value.length === 0) return 0;
  const padding = value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0;
  return (value.length / 4) * 3 - padding;
}

/** Limits on crypto inputs (docs/emulator.md, "Crypto inputs"). */
export const MIN_INPUT_BYTES = 1;
export const MAX_INPUT_BYTES = 65_535;
/** Request bodies over this size are 413 before anything is parsed. */
export const MAX_BODY_BYTES = 1024 * 1024;
