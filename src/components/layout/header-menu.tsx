import { LogOut, Menu } from 'lucide-react';
import { useState, type MouseEvent, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Sheet } from '@/components/ui/sheet';
import styles from './header-menu.module.css';
import { ThemeToggle } from './theme-toggle';

/**
 * The narrow-screen header menu: a side sheet (focus trapped, Escape closes, focus returns to the
 * Menu button) holding navigation, the scope and region switchers, the theme and
 * sign-out. It closes by itself when the location (`menuKey`) changes, so choosing a region or a
 * scope, or following a link, lands on the new page with the menu closed.
 */
export function HeaderMenu({
  nav,
  context,
  onSignOut,
  menuKey = '',
}: {
  nav?: ReactNode;
  context?: ReactNode;
  onSignOut?: () => void;
  menuKey?: string;
}) {
  // Open "for" one location: navigating elsewhere closes it without an effect.
  const [openFor, setOpenFor] = useState<string | null>(null);
  const isOpen = openFor === menuKey;
  const setOpen = (open: boolean) => setOpenFor(open ? menuKey : null);
  // A link to the page already shown does not change the location: close on any link click.
  const closeOnLink = (e: MouseEvent) => {
    if (e.target instanceof Element && e.target.closest('a[href]')) setOpen(false);
  };

  return (
    <Sheet
      open={isOpen}
      onOpenChange={setOpen}
      placement="side"
      title="Menu"
      closeLabel="Close menu"
      trigger={
        <Button variant="ghost" isIconOnly aria-label="Menu" title="Menu">
          <Menu size={18} aria-hidden />
        </Button>
      }
    >
      {nav ? (
        <nav aria-label="Main" className={styles.nav} onClick={closeOnLink}>
          {nav}
        </nav>
      ) : null}
      {context ? (
        <section className={styles.section} aria-labelledby="header-menu-context">
          <h2 id="header-menu-context" className="small-caps">
            Scope and region
          </h2>
          <div className={styles.context}>{context}</div>
        </section>
      ) : null}
      <section className={styles.section} aria-labelledby="header-menu-display">
        <h2 id="header-menu-display" className="small-caps">
          Display
        </h2>
        <div className={styles.context}>
          <ThemeToggle isLabelled />
        </div>
      </section>
      {onSignOut ? (
        <div className={styles.foot}>
          <Button variant="secondary" onClick={onSignOut} className={styles.signOut}>
            <LogOut size={16} aria-hidden /> Sign out
          </Button>
        </div>
      ) : null}
    </Sheet>
  );
}
