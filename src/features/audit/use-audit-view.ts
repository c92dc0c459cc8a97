import { useNavigate } from '@tanstack/react-router';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { readAuditView, writeAuditView, type AuditSearch, type AuditView } from './audit-search';

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

  const write = useCallback(
    (next: AuditView) =>
      void navigate({
        to: '/audit',
        search: (prev) => ({ ...prev, ...writeAuditView(next) }),
        replace: true,
        resetScroll: false,
      }),
    [navigate],
  );

  useEffect(() => {
    if (!view.at) write({ ...view, at });
  }, [view, at, write]);

  /** A filter change starts at page 1 of the same snapshot. */
  const update = useCallback(
    (patch: Partial<AuditView>) => write({ ...view, at, page: 1, ...patch }),
    [view, at, write],
  );
  const goToPage = useCallback((page: number) => write({ ...view, at, page }), [view, at, write]);
  const showNewer = useCallback(
    () => write({ ...view, page: 1, at: new Date().toISOString() }),
    [view, write],
  );
  /** Drops the values the notice is about (the view already ignores them). */
  const cleanUp = useCallback(() => write({ ...view, at }), [view, at, write]);
  return { view, at, notices, update, goToPage, showNewer, cleanUp };
}
