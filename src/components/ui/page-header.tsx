import type { ReactNode } from 'react';
import styles from './page-header.module.css';

/** Page title row: breadcrumbs, title, subtitle and actions. */
export function PageHeader({
  breadcrumbs,
  title,
  subtitle,
  actions,
  badges,
}: {
  breadcrumbs?: ReactNode;
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  badges?: ReactNode;
}) {
  return (
    <header className={styles.header}>
      {breadcrumbs ? (
        <nav aria-label="Breadcrumb" className={styles.breadcrumbs}>
          {breadcrumbs}
        </nav>
      ) : null}
      <div className={styles.row}>
        <div className={styles.titles}>
          <div className={styles.titleRow}>
            <h1 className={styles.title}>{title}</h1>
            {badges}
          </div>
          {subtitle ? <div className={styles.subtitle}>{subtitle}</div> : null}
        </div>
        {actions ? <div className={styles.actions}>{actions}</div> : null}
      </div>
    </header>
  );
}
