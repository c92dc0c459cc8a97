import { base64ToBytes, bytesToBase64 } from '@/lib/encoding';

/** The fixed DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): algorithm 1.3.101.112. */
const ED25519_SPKI_PREFIX = [
  0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
] as const;

/**
 * The PEM SubjectPublicKeyInfo of a raw Ed25519 public key (base64 of 32 bytes), as OpenSSL and
 * most libraries read it; null when the text is not 32 bytes of base64. The key bytes are the
 * same, so the fingerprint of the raw 32 bytes identifies both forms.
 */
export function ed25519RawToPem(rawBase64: string): string | null {
  let raw: Uint8Array;
  try {
    raw = base64ToBytes(rawBase64.trim());
  } catch {
    return null;
  }
  if (raw.length !== 32) return null;
  const der = new Uint8Array(ED25519_SPKI_PREFIX.length + raw.length);
  der.set(ED25519_SPKI_PREFIX);
  der.set(raw, ED25519_SPKI_PREFIX.length);
  const body = bytesToBase64(der)
    .replace(/(.{64})/g, '$1\n')
    .trimEnd();
  return `-----BEGIN PUBLIC KEY-----\n${body}\n-----END PUBLIC KEY-----\n`;
}
