import type { ReactNode } from 'react';
import { cx } from './class-names';
import styles from './notice.module.css';

/**
 * A status note in the flow of a page or form (role "status": announced when it appears): an
 * icon in the tone's colour, the text, and an optional action at the end (e.g. dismiss).
 */
export function Notice({
  tone,
  icon,
  action,
  className,
  children,
}: {
  tone: 'warning' | 'danger' | 'success';
  icon: ReactNode;
  action?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={cx(styles.notice, styles[tone], className)} role="status">
      {icon}
      <div className={styles.text}>{children}</div>
      {action}
    </div>
  );
}
