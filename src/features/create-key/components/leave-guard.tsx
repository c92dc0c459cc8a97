import { useBlocker } from '@tanstack/react-router';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';

/** Paths that stay inside the wizard (a region change keeps the form). */
const WIZARD_PATH = /^\/regions\/[^/]+\/keys\/new\/?$/;

/**
 * Asks before leaving the wizard with unsaved input: in-app navigation gets a dialog, closing
 * or reloading the tab gets the browser's own prompt.
 */
export function LeaveGuard({ shouldBlock }: { shouldBlock: () => boolean }) {
  const blocker = useBlocker({
    shouldBlockFn: ({ next }) => shouldBlock() && !WIZARD_PATH.test(next.pathname),
    enableBeforeUnload: shouldBlock,
    withResolver: true,
  });
  const isOpen = blocker.status === 'blocked';
  return (
    <ConfirmDialog
      open={isOpen}
      onOpenChange={(open) => {
        if (!open && blocker.status === 'blocked') blocker.reset();
      }}
      title="Leave without creating the key?"
      confirmLabel="Leave and discard"
      variant="danger"
      onConfirm={() => {
        if (blocker.status === 'blocked') blocker.proceed();
      }}
    >
      <p>The choices you made in this wizard have not been saved and will be lost.</p>
    </ConfirmDialog>
  );
}
