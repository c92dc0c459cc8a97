import { KeyRound, LogOut } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import styles from './app-layout.module.css';
import { HeaderMenu } from './header-menu';
import { ThemeToggle } from './theme-toggle';

/**
 * The page frame: header with brand, navigation, context switchers, theme and sign-out; main
 * content. Below the header breakpoint (app-layout.module.css) navigation, switchers, theme and
 * sign-out move into one menu, so nothing in the header overlaps on a phone.
 */
export function AppLayout({
  brandLink,
  nav,
  context,
  search,
  onSignOut,
  menuKey,
  children,
}: {
  /** Wraps the brand (e.g. a router Link to the overview). */
  brandLink?: (brand: ReactNode) => ReactNode;
  /** Links to the console's sections: in the header on wide screens, in the menu on narrow ones. */
  nav?: ReactNode;
  /** Organisation, scope and region switchers. */
  context?: ReactNode;
  /** The search button (command palette): in the header at every width. */
  search?: ReactNode;
  onSignOut?: () => void;
  /** The current location: the narrow-screen menu closes when it changes (after navigating). */
  menuKey?: string;
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
            <nav aria-label="Main" className={`${styles.nav} ${styles.wideOnly}`}>
              {nav}
            </nav>
          ) : null}
          <div className={`${styles.context} ${styles.wideOnly}`}>{context}</div>
          {search ? <div className={styles.search}>{search}</div> : null}
          <div className={`${styles.end} ${styles.wideOnly}`}>
            <ThemeToggle />
            {onSignOut ? (
              <Button variant="ghost" onClick={onSignOut} aria-label="Sign out" title="Sign out">
                <LogOut size={16} aria-hidden />
              </Button>
            ) : null}
          </div>
          <div className={styles.narrowOnly}>
            <HeaderMenu nav={nav} context={context} onSignOut={onSignOut} menuKey={menuKey} />
          </div>
        </div>
      </header>
      <main id="main" className={styles.main} tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
