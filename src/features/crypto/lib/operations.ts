import { supports, type Key, type KeyType } from '@/contract';
import type { CryptoOperation } from '../crypto-search';

export interface OperationInfo {
  op: CryptoOperation;
  label: string;
  /** One line on what the tool does, shown under the tool title. */
  summary: string;
}

const INFO: Record<CryptoOperation, OperationInfo> = {
  encrypt: { op: 'encrypt', label: 'Encrypt', summary: 'Encrypt data with this key.' },
  decrypt: { op: 'decrypt', label: 'Decrypt', summary: 'Decrypt a thalassa:v<N>: ciphertext.' },
  sign: { op: 'sign', label: 'Sign', summary: 'Sign data (or a digest) with this key.' },
  verify: {
    op: 'verify',
    label: 'Verify',
    summary: 'Check a signature with the KMS and, where possible, in your browser.',
  },
  hmac: { op: 'hmac', label: 'HMAC', summary: 'Compute an HMAC of data with this key.' },
  'verify-hmac': { op: 'verify-hmac', label: 'Verify HMAC', summary: 'Check an HMAC.' },
  inspect: {
    op: 'inspect',
    label: 'Inspect',
    summary: 'See which key version made a thalassa:v<N>: string and whether it can still be used.',
  },
};

export function operationInfo(op: CryptoOperation): OperationInfo {
  return INFO[op];
}

/** The tools a key type offers, in display order (capability table of the contract). */
export function operationsFor(keyType: KeyType): CryptoOperation[] {
  const ops: CryptoOperation[] = [];
  for (const op of ['encrypt', 'decrypt', 'sign', 'verify', 'hmac', 'verify-hmac'] as const) {
    if (supports(keyType, op)) ops.push(op);
  }
  ops.push('inspect');
  return ops;
}

/** The operation to show: the URL's when the key type offers it, else the type's first. */
export function resolveOperation(
  keyType: KeyType,
  requested: CryptoOperation | undefined,
): { op: CryptoOperation; isUnsupported: boolean } {
  const ops = operationsFor(keyType);
  const first = ops[0] ?? 'inspect';
  if (requested === undefined) return { op: first, isUnsupported: false };
  if (ops.includes(requested)) return { op: requested, isUnsupported: false };
  return { op: first, isUnsupported: true };
}

/** Why crypto is off for this key, or null when it is active (only active keys do crypto). */
export function disabledReason(key: Key): string | null {
  switch (key.status) {
    case 'active':
      return null;
    case 'disabled':
      return 'This key is disabled. Enable it to encrypt, decrypt, sign or verify with it.';
    case 'pending_deletion':
      return 'This key is scheduled for deletion. Cancel the deletion to use it again.';
    default:
      return `This key is ${String(key.status)}; only active keys do crypto.`;
  }
}

/** Versions that may be used (>= minDecryptionVersion), newest first. */
export function usableVersions(key: Key): number[] {
  const known = new Set(key.versions.map((v) => v.version));
  for (let v = key.minDecryptionVersion; v <= key.latestVersion; v++) known.add(v);
  return [...known]
    .filter((v) => v >= key.minDecryptionVersion && v <= key.latestVersion)
    .sort((a, b) => b - a);
}
