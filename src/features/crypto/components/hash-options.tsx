import { Field, FieldValue, Select } from '@/components/ui/field';
import {
  HASH_ALGORITHMS,
  HASH_LENGTH,
  KEY_TYPE_INFO,
  type HashAlgorithm,
  type KeyType,
} from '@/contract';
import styles from './crypto-ui.module.css';

export const HASH_LABELS: Record<HashAlgorithm, string> = {
  'sha2-256': 'SHA-256',
  'sha2-384': 'SHA-384',
  'sha2-512': 'SHA-512',
};

/**
 * Hash algorithm and "prehashed" for RSA and ECDSA signatures. Ed25519 hashes internally (no
 * choice); HMAC types fix their hash.
 */
export function HashOptions({
  keyType,
  hashAlgorithm,
  onHashChange,
  prehashed,
  onPrehashedChange,
}: {
  keyType: KeyType;
  hashAlgorithm: HashAlgorithm;
  onHashChange: (hash: HashAlgorithm) => void;
  prehashed: boolean;
  onPrehashedChange: (prehashed: boolean) => void;
}) {
  const info = KEY_TYPE_INFO[keyType];
  if (info.family === 'ed25519') {
    return (
      <Field label="Hash algorithm">
        <FieldValue className={styles.fixedValue}>
          None to choose: Ed25519 signs the message itself.
        </FieldValue>
      </Field>
    );
  }
  if (info.family === 'hmac') {
    const hash = info.hmacHash ?? 'sha2-256';
    return (
      <Field label="Hash algorithm">
        <FieldValue className={styles.fixedValue}>
          {HASH_LABELS[hash]} <span className={styles.muted}>(fixed by the key type)</span>
        </FieldValue>
      </Field>
    );
  }
  return (
    <>
      <Field label="Hash algorithm">
        <Select
          value={hashAlgorithm}
          onChange={(e) => {
            const next = HASH_ALGORITHMS.find((h) => h === e.target.value);
            if (next) onHashChange(next);
          }}
        >
          {HASH_ALGORITHMS.map((h) => (
            <option key={h} value={h}>
              {HASH_LABELS[h]}
              {h === 'sha2-256' ? ' (default)' : ''}
            </option>
          ))}
        </Select>
      </Field>
      <label className={styles.checkRow}>
        <input
          type="checkbox"
          checked={prehashed}
          onChange={(e) => onPrehashedChange(e.target.checked)}
        />
        <span>
          Input is already a {HASH_LABELS[hashAlgorithm]} digest (prehashed,{' '}
          {HASH_LENGTH[hashAlgorithm]} bytes)
        </span>
      </label>
    </>
  );
}
