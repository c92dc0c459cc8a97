import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { Key } from '@/contract';
import type { KeyActionId } from './key-action-table';

// The dialogs (and their forms) load when a row's action first asks for one, not with the list.
const KeyDialogs = lazy(() =>
  import('../detail/key-actions').then((m) => ({ default: m.KeyDialogs })),
);

export interface RowDialogTarget {
  identity: string;
  action: KeyActionId;
}

/**
 * The key page's dialogs, opened from a row of the key list: the key is read from the list as
 * it is now (the dialog keeps what it showed when it opened). On close, focus goes back to the
 * row's menu button, or to the row's link when the row has gone (filtered away).
 */
export function RowDialogHost({
  region,
  keys,
  target,
  onClose,
}: {
  region: string;
  keys: readonly Key[];
  target: RowDialogTarget | null;
  onClose: () => void;
}) {
  // The last key shown stays mounted while its dialog closes.
  const [last, setLast] = useState<Key | null>(null);
  const current = target
    ? (keys.find((k) => k.identity === target.identity) ??
      (last?.identity === target.identity ? last : null))
    : last;
  if (current && current !== last) setLast(current);
  useReturnFocus(target);
  if (!current) return null;
  return (
    <Suspense fallback={null}>
      <KeyDialogs
        kmsKey={current}
        region={region}
        dialog={target?.action ?? null}
        onDialogChange={(dialog) => {
          if (dialog === null) onClose();
        }}
      />
    </Suspense>
  );
}

function useReturnFocus(target: RowDialogTarget | null) {
  const lastIdentity = useRef<string | null>(null);
  const identity = target?.identity ?? null;
  useEffect(() => {
    if (identity) {
      lastIdentity.current = identity;
      return;
    }
    const id = lastIdentity.current;
    if (!id) return;
    lastIdentity.current = null;
    const t = setTimeout(() => {
      const selector = (attr: string) => `[${attr}="${CSS.escape(id)}"]`;
      const el =
        document.querySelector<HTMLElement>(selector('data-row-menu')) ??
        document.querySelector<HTMLElement>(selector('data-key-link'));
      el?.focus();
    }, 0);
    return () => clearTimeout(t);
  }, [identity]);
}
