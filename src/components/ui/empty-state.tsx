import type { ReactNode } from 'react';
import styles from './empty-state.module.css';

/** A designed state (empty, no match, error): icon, title, explanation, ways forward. */
export function EmptyState({
  icon,
  title,
  children,
  actions,
  tone = 'neutral',
}: {
  icon?: ReactNode;
  title: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  tone?: 'neutral' | 'danger' | 'warning';
}) {
  return (
    <div className={`${styles.state} ${styles[tone]}`}>
      {icon ? <div className={styles.icon}>{icon}</div> : null}
      <h2 className={styles.title}>{title}</h2>
      {children ? <div className={styles.body}>{children}</div> : null}
      {actions ? <div className={styles.actions}>{actions}</div> : null}
    </div>
  );
}
