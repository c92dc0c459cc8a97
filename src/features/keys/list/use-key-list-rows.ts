import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { Key } from '@/contract';
import { countFacets, filterKeys, indexKeys, sortKeys } from './key-list-model';
import type { KeyListView } from './key-list-search';

const EMPTY: readonly Key[] = [];

/**
 * The rows the list shows: the search box's text (the URL follows it shortly after), and the
 * keys filtered, sorted and counted per facet from deferred values, so typing never waits for
 * 10,000 rows. For a first screen (`isFirstScreen`: the list is still being validated) the
 * typed text waits: the rows stay the URL view's first screen until the whole list is there.
 */
export function useKeyListRows(
  keys: readonly Key[] | undefined,
  view: KeyListView,
  update: (change: Partial<KeyListView>) => void,
  isFirstScreen = false,
) {
  // Instant search: the box updates at once, the URL shortly after, the rows when React is free.
  const [text, setText] = useState(view.query);
  useEffect(() => {
    if (text === view.query) return;
    const t = setTimeout(() => update({ query: text }), 250);
    return () => clearTimeout(t);
  }, [text, view.query, update]);
  const flushSearch = () => {
    if (text !== view.query) update({ query: text });
  };
  const deferredText = useDeferredValue(text);
  const deferredStatuses = useDeferredValue(view.statuses);
  const deferredTypes = useDeferredValue(view.types);
  const deferredPurposes = useDeferredValue(view.purposes);
  const deferredSort = useDeferredValue(view.sort);
  const deferredDir = useDeferredValue(view.dir);

  const rows = keys ?? EMPTY;
  const indexed = useMemo(() => indexKeys(rows), [rows]);
  const facets = useMemo(
    () => ({
      query: isFirstScreen ? view.query : deferredText,
      statuses: deferredStatuses,
      types: deferredTypes,
      purposes: deferredPurposes,
    }),
    [isFirstScreen, view.query, deferredText, deferredStatuses, deferredTypes, deferredPurposes],
  );
  const filtered = useMemo(() => filterKeys(indexed, facets), [indexed, facets]);
  const sorted = useMemo(
    () => sortKeys(filtered, deferredSort, deferredDir).map((i) => i.key),
    [filtered, deferredSort, deferredDir],
  );
  const counts = useMemo(() => countFacets(indexed, facets), [indexed, facets]);
  return { text, setText, flushSearch, facets, sorted, counts, deferredSort, deferredDir, rows };
}
