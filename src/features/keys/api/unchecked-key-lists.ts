import { hashKey, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';

/**
 * Key lists whose body arrived and whose rows are still being validated (in slices), per query
 * client and list query: the rows as the JSON gave them, not checked yet. The list page picks
 * and checks its first screen from them (it paints before the rest is checked); nothing else
 * may use them. An entry lives from the body's arrival until the query has its result.
 */
const lists = new WeakMap<QueryClient, Map<string, readonly unknown[]>>();
const listeners = new Set<() => void>();

function entries(client: QueryClient): Map<string, readonly unknown[]> {
  let map = lists.get(client);
  if (!map) lists.set(client, (map = new Map()));
  return map;
}

const notify = () => listeners.forEach((listener) => listener());

export function setUncheckedRows(client: QueryClient, key: QueryKey, rows: readonly unknown[]) {
  entries(client).set(hashKey(key), rows);
  notify();
}

/**
 * Drops the entry once the query has settled. Called when the validation ends; the entry goes
 * on the next task, by which time the query holds its data or error, so a page never sees
 * neither (no flash of the loading state between the first screen and the whole list).
 */
export function dropUncheckedRows(client: QueryClient, key: QueryKey, rows: readonly unknown[]) {
  setTimeout(() => {
    const map = entries(client);
    const hash = hashKey(key);
    if (map.get(hash) !== rows) return; // a newer fetch's rows
    map.delete(hash);
    notify();
  }, 0);
}

/** The unchecked rows of a list query while they are being validated, else undefined. */
export function useUncheckedRows(key: QueryKey): readonly unknown[] | undefined {
  const client = useQueryClient();
  const hash = hashKey(key);
  const subscribe = useCallback((listener: () => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  return useSyncExternalStore(subscribe, () => lists.get(client)?.get(hash));
}
