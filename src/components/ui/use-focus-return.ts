import { useLayoutEffect, useRef } from 'react';

/** The groups whose first enabled control takes focus when the opener is gone. */
const GROUP_SELECTOR = '[role="group"], [role="toolbar"]';

function canTakeFocus(el: HTMLElement): boolean {
  return el.isConnected && !el.hasAttribute('disabled') && !el.closest('[inert]');
}

/**
 * Focus return for dialogs opened without a Radix trigger (from a menu, a row, a button that
 * changes state): remembers what had focus when `open` became true and returns the
 * `onCloseAutoFocus` handler that gives focus back to it. When that control is gone or disabled
 * (e.g. "Schedule deletion" became "Cancel deletion"), the first enabled control of the group it
 * stood in takes focus instead; with neither (or when the page itself had focus), Radix's own
 * default applies.
 */
export function useFocusReturn(open: boolean): (event: Event) => void {
  const opener = useRef<HTMLElement | null>(null);
  const group = useRef<Element | null>(null);
  useLayoutEffect(() => {
    if (!open) return;
    const active = document.activeElement;
    // Nothing had focus (the page itself): leave it to Radix (the trigger, when there is one).
    opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
    group.current = opener.current?.closest(GROUP_SELECTOR) ?? null;
  }, [open]);
  return (event) => {
    const target = opener.current;
    const fallback = group.current?.isConnected
      ? group.current.querySelector<HTMLElement>('button:not(:disabled), a[href]')
      : null;
    const next = target && canTakeFocus(target) ? target : fallback;
    if (!next) return;
    event.preventDefault();
    next.focus();
  };
}
