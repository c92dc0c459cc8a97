import { KeyRound } from 'lucide-react';
import type { ReactNode } from 'react';
import styles from './app-layout.module.css';
import { ThemeToggle } from './theme-toggle';

/** The page frame: header with brand, context switchers and account; main content. */
export function AppLayout({
  brandLink,
  nav,
  context,
  account,
  children,
}: {
  /** Wraps the brand (e.g. a router Link to the overview). */
  brandLink?: (brand: ReactNode) => ReactNode;
  /** Main navigation links (rendered in a labelled nav). */
  nav?: ReactNode;
  /** Organisation, scope and region switchers. */
  context?: ReactNode;
  account?: ReactNode;
  children: ReactNode;
}) {
  const brand = (
    <span className={styles.brand}>
      <span className={styles.logo} aria-hidden>
        <KeyRound size={16} />
      </span>
      <span className={styles.brandText}>
        Thalassa <strong>KMS</strong>
      </span>
    </span>
  );
  return (
    <div className={styles.shell}>
      <a href="#main" className={styles.skip}>
        Skip to content
      </a>
      <header className={styles.header}>
        <div className={styles.headerInner}>
          {brandLink ? brandLink(brand) : brand}
          {nav ? (
            <nav aria-label="Main" className={styles.nav}>
              {nav}
            </nav>
          ) : null}
          <div className={styles.context}>{context}</div>
          <div className={styles.end}>
            <ThemeToggle />
            {account}
          </div>
        </div>
      </header>
      <main id="main" className={styles.main} tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
