import { ChevronRight } from 'lucide-react';
import { Fragment, type ReactNode } from 'react';
import styles from './page-header.module.css';

/**
 * Page title row: breadcrumbs, title, subtitle and actions. Breadcrumbs are the path from the
 * overview, links first; the last one is the page itself. One separator style everywhere.
 */
export function PageHeader({
  breadcrumbs,
  title,
  subtitle,
  actions,
  badges,
}: {
  breadcrumbs?: readonly ReactNode[];
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  badges?: ReactNode;
}) {
  return (
    <header className={styles.header}>
      {breadcrumbs && breadcrumbs.length > 0 ? (
        <nav aria-label="Breadcrumb" className={styles.breadcrumbs}>
          {breadcrumbs.map((crumb, i) => (
            <Fragment key={i}>
              {i > 0 ? <ChevronRight size={14} aria-hidden /> : null}
              {i === breadcrumbs.length - 1 ? <span aria-current="page">{crumb}</span> : crumb}
            </Fragment>
          ))}
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
