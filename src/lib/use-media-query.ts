import { useSyncExternalStore } from 'react';

/**
 * Phones and other narrow viewports. The same width as the `--page-gutter` switch in
 * src/styles/tokens.css; use it only where CSS alone cannot adapt (e.g. a virtualized list's
 * row height).
 */
export const NARROW_VIEWPORT_QUERY = '(max-width: 639.98px)';

function subscribe(query: string, onChange: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => {};
  const mq = window.matchMedia(query);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

function matches(query: string): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
}

/** Whether a CSS media query matches now; re-renders when that changes. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => subscribe(query, onChange),
    () => matches(query),
    () => false,
  );
}
