import { Lock } from 'lucide-react';
import styles from './immutable-badge.module.css';

/** Marks a create-time decision that the API offers no way to change later. */
export function ImmutableBadge({ label = 'Cannot be changed after creation' }: { label?: string }) {
  return (
    <span className={styles.badge}>
      <Lock size={11} aria-hidden />
      {label}
    </span>
  );
}
