import {
  DEFAULT_KEY_TYPE,
  KEY_TYPES,
  KEY_TYPE_INFO,
  purposesOf,
  type KeyPurpose,
  type KeyType,
} from '@/contract';

export interface KeyTypeGroup {
  purpose: KeyPurpose;
  title: string;
  guidance: string;
  keyTypes: KeyType[];
}

const GROUP_TEXT: Record<KeyPurpose, { title: string; guidance: string }> = {
  encrypt: {
    title: 'Encrypt and decrypt',
    guidance:
      'Protect data and data keys (envelope encryption). Symmetric keys suit almost every case and work with Secrets Manager; RSA keys also sign and publish a public key, but encrypt only small payloads.',
  },
  sign: {
    title: 'Sign and verify',
    guidance:
      'Prove where data came from: the private key signs inside KMS, anyone verifies with the public key. ECDSA P-256 and P-384 also serve DNSSEC.',
  },
  hmac: {
    title: 'HMAC',
    guidance:
      'Compute and check message authentication codes with a shared secret that never leaves KMS, e.g. for webhook signatures or tokens.',
  },
};

/** Key types grouped by their primary purpose (the contract's), in the contract's order. */
export const KEY_TYPE_GROUPS: readonly KeyTypeGroup[] = (['encrypt', 'sign', 'hmac'] as const).map(
  (purpose) => ({
    purpose,
    ...GROUP_TEXT[purpose],
    keyTypes: KEY_TYPES.filter((t) => KEY_TYPE_INFO[t].purpose === purpose),
  }),
);

const CAPABILITY: Record<KeyPurpose, string> = {
  encrypt: 'Encrypt',
  sign: 'Sign',
  hmac: 'HMAC',
};

/** A one-line description of a key type from the capability table. */
export function keyTypeDetail(keyType: KeyType): string {
  const info = KEY_TYPE_INFO[keyType];
  switch (info.family) {
    case 'symmetric':
      return `${info.bits}-bit symmetric key, authenticated encryption`;
    case 'rsa':
      return `${info.bits}-bit modulus; RSA-OAEP encrypts up to ${info.maxPlaintextBytes ?? 0} bytes; RSA-PSS signatures`;
    case 'ecdsa':
      return `NIST P-${info.bits} curve, DER signatures`;
    case 'ed25519':
      return 'Edwards curve, compact and fast signatures';
    case 'hmac':
      return `${info.hmacHash === 'sha2-512' ? 'SHA-512' : 'SHA-256'} with a ${info.bits / 8}-byte key`;
  }
}

export interface KeyTypeTag {
  label: string;
  tone: 'accent' | 'info' | 'neutral' | 'warning';
}

/** Capabilities and compatibility hints shown on a key type's card. */
export function keyTypeTags(keyType: KeyType): KeyTypeTag[] {
  const info = KEY_TYPE_INFO[keyType];
  const tags: KeyTypeTag[] = [];
  for (const p of purposesOf(keyType)) tags.push({ label: CAPABILITY[p], tone: 'neutral' });
  if (info.publicKeyFormat) tags.push({ label: 'Public key', tone: 'neutral' });
  if (info.secretsManager) tags.push({ label: 'Secrets Manager', tone: 'info' });
  if (info.dnssec) tags.push({ label: 'DNSSEC', tone: 'info' });
  return tags;
}

export function isRecommended(keyType: KeyType): boolean {
  return keyType === DEFAULT_KEY_TYPE;
}

/** Key types whose creation takes noticeably long. */
export function isSlowToCreate(keyType: KeyType): boolean {
  return KEY_TYPE_INFO[keyType].family === 'rsa' && KEY_TYPE_INFO[keyType].bits >= 3072;
}
