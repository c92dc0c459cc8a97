import type { ReactNode } from 'react';
import styles from './badge.module.css';

export type BadgeTone =
  'neutral' | 'success' | 'warning' | 'danger' | 'info' | 'accent' | 'outline';

export function Badge({
  tone = 'neutral',
  hasDot = false,
  children,
  title,
}: {
  tone?: BadgeTone;
  hasDot?: boolean;
  children: ReactNode;
  title?: string;
}) {
  return (
    <span className={`${styles.badge} ${styles[tone]} ${hasDot ? styles.dot : ''}`} title={title}>
      {children}
    </span>
  );
}
