import { useNavigate } from '@tanstack/react-router';
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  auditSearchSchema,
  readAuditView,
  writeAuditView,
  type AuditSearch,
  type AuditView,
} from './audit-search';

/**
 * The Audit page's view lives in the URL: read it typed (with notices for dropped values), and
 * change it by navigating. Changes replace the history entry, so Back leaves the page and
 * returns to it as it was. A view without a snapshot gets one at once (now), written to the URL.
 */
export function useAuditView(search: AuditSearch) {
  const navigate = useNavigate();
  const { view, notices } = useMemo(() => readAuditView(search), [search]);
  const [firstSnapshot] = useState(() => new Date().toISOString());
  const at = view.at ?? firstSnapshot;

  // Each change is computed from the URL as it is when the navigation runs, not from this
  // render: two quick changes (a select, then another) both land.
  const write = useCallback(
    (change: (current: AuditView) => AuditView) =>
      void navigate({
        to: '/audit',
        search: (prev) => {
          const current = readAuditView(auditSearchSchema.parse(prev)).view;
          return { ...prev, ...writeAuditView(change({ ...current, at: current.at ?? at })) };
        },
        replace: true,
        resetScroll: false,
      }),
    [navigate, at],
  );

  useEffect(() => {
    // Only the snapshot: a value the notice is about stays in the link until the user acts.
    if (!view.at)
      void navigate({ to: '/audit', search: (prev) => ({ ...prev, at }), replace: true });
  }, [view.at, at, navigate]);

  /** A filter change starts at page 1 of the same snapshot. */
  const update = useCallback(
    (patch: Partial<AuditView>) => write((v) => ({ ...v, page: 1, ...patch })),
    [write],
  );
  const goToPage = useCallback((page: number) => write((v) => ({ ...v, page })), [write]);
  const showNewer = useCallback(
    () => write((v) => ({ ...v, page: 1, at: new Date().toISOString() })),
    [write],
  );
  /** Drops the values the notice is about (the view already ignores them). */
  const cleanUp = useCallback(() => write((v) => v), [write]);
  return { view, at, notices, update, goToPage, showNewer, cleanUp };
}
