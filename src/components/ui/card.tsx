import type { ReactNode } from 'react';
import styles from './card.module.css';

/** A bordered panel with an optional title row. */
export function Card({
  title,
  actions,
  children,
  isPadded = true,
}: {
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  isPadded?: boolean;
}) {
  return (
    <section className={styles.card}>
      {title || actions ? (
        <div className={styles.head}>
          {title ? <h2 className={styles.title}>{title}</h2> : <span />}
          {actions ? <div className={styles.actions}>{actions}</div> : null}
        </div>
      ) : null}
      <div className={isPadded ? styles.body : undefined}>{children}</div>
    </section>
  );
}
