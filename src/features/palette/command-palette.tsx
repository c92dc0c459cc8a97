import { useQuery } from '@tanstack/react-query';
import { Search } from 'lucide-react';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Sheet } from '@/components/ui/sheet';
import { rememberProject } from '@/features/connection';
import { summaryQuery } from '@/features/regions';
import { useApiClient } from '@/lib/api-context';
import styles from './palette.module.css';

// The search itself loads on first open: the first page a person sees does not carry it.
const PaletteContent = lazy(() =>
  import('./palette-content').then((m) => ({ default: m.PaletteContent })),
);

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Ctrl+K (Cmd+K on a Mac), outside any other modifier. */
function isPaletteShortcut(e: KeyboardEvent): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k';
}

/**
 * A project scope whose summary loaded is a project this session has used: the palette and the
 * key-not-found page search it from then on (recent projects, session storage).
 */
function useRememberScope(): void {
  const client = useApiClient();
  const summary = useQuery(summaryQuery(client));
  const { organisation, project } = client;
  const isKnown = summary.isSuccess;
  useEffect(() => {
    if (project && isKnown) rememberProject(organisation, project);
  }, [organisation, project, isKnown]);
}

/**
 * The command palette: a header button and Ctrl+K / Cmd+K open a dialog that finds any key by
 * name, slug, identity or label in every region and known scope, and runs commands. Focus goes
 * back where it was when it closes.
 */
export function CommandPalette({ onSignOut }: { onSignOut: () => void }) {
  const [isOpen, setIsOpen] = useState(false);
  const isOpenRef = useRef(false);
  useRememberScope();

  const setOpen = useCallback((open: boolean) => {
    isOpenRef.current = open;
    setIsOpen(open);
  }, []);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!isPaletteShortcut(e) || e.defaultPrevented) return;
      e.preventDefault();
      setOpen(!isOpenRef.current);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [setOpen]);

  const shortcut = isMac ? '⌘K' : 'Ctrl K';
  return (
    <Sheet
      open={isOpen}
      onOpenChange={setOpen}
      placement="top"
      title="Search keys and commands"
      isTitleHidden
      trigger={
        <Button
          variant="secondary"
          className={styles.trigger}
          aria-label="Search keys and commands"
          aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}
          title={`Search keys and commands (${shortcut})`}
        >
          <Search size={15} aria-hidden />
          <span className={styles.triggerText} aria-hidden>
            Search…
          </span>
          <kbd className={`${styles.kbd} ${styles.triggerKbd}`} aria-hidden>
            {shortcut}
          </kbd>
        </Button>
      }
    >
      <Suspense fallback={<p className={styles.status}>Loading search…</p>}>
        <PaletteContent onClose={() => setOpen(false)} onSignOut={onSignOut} />
      </Suspense>
    </Sheet>
  );
}
