import { useNavigate } from '@tanstack/react-router';
import { useCallback, useMemo } from 'react';
import {
  readKeyListView,
  writeKeyListView,
  type KeyListSearch,
  type KeyListView,
} from './key-list-search';

/**
 * The list view lives in the URL: read it typed, and change it by navigating (replace, so the
 * back button leaves the list instead of undoing every keystroke).
 */
export function useKeyListView(region: string, search: KeyListSearch) {
  const navigate = useNavigate();
  const view = useMemo(() => readKeyListView(search), [search]);
  const update = useCallback(
    (change: Partial<KeyListView> | ((view: KeyListView) => Partial<KeyListView>)) => {
      void navigate({
        to: '/regions/$region/keys',
        params: { region },
        search: (prev) => {
          const current = readKeyListView(keyListSearchOf(prev));
          const patch = typeof change === 'function' ? change(current) : change;
          return { ...prev, ...writeKeyListView({ ...current, ...patch }) };
        },
        replace: true,
      });
    },
    [navigate, region],
  );
  return { view, update };
}

/** Picks the list's own fields out of whatever search object the router holds. */
function keyListSearchOf(prev: Partial<KeyListSearch>): KeyListSearch {
  return {
    q: prev.q,
    status: prev.status,
    type: prev.type,
    purpose: prev.purpose,
    sort: prev.sort,
    dir: prev.dir,
    identity: prev.identity,
    name: prev.name,
    slug: prev.slug,
    lookupStatus: prev.lookupStatus,
    labels: prev.labels,
  };
}
