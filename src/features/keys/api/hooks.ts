import { useQuery, useSuspenseQuery, type QueryKey } from '@tanstack/react-query';
import type { Key, KeyListFilters } from '@/contract';
import { useApiClient } from '@/lib/api-context';
import { keyAuditQuery, keyDetailQuery, keyListQuery, publicKeyQuery } from './queries';
import { keyKeys } from './query-keys';
import { useUncheckedRows } from './unchecked-key-lists';

/**
 * True when two list keys name the same scope and region (they may differ in lookup filters):
 * the one place that decides whether a list's rows may stand in for another's while it loads.
 */
export function isSameListScope(a: QueryKey, b: QueryKey): boolean {
  const prefix = (k: QueryKey) => JSON.stringify(k.slice(0, keyKeys.lists('').length + 1));
  return prefix(a) === prefix(b);
}

/**
 * A region's key list. While another lookup of the same scope and region loads, the previous
 * rows stay (marked as placeholder); rows of another scope or region never do.
 */
export function useKeyList(
  region: string,
  filters: KeyListFilters = {},
  { isEnabled = true }: { isEnabled?: boolean } = {},
) {
  const options = keyListQuery(useApiClient(), region, filters);
  return useQuery({
    ...options,
    enabled: isEnabled,
    placeholderData: (previous: Key[] | undefined, previousQuery) =>
      previousQuery && isSameListScope(previousQuery.queryKey, options.queryKey)
        ? previous
        : undefined,
  });
}

/**
 * The rows of a region's list while they are still being validated (keyListQuery), unchecked:
 * only for picking a first screen to check and paint; undefined otherwise.
 */
export function useUncheckedKeyList(region: string, filters: KeyListFilters = {}) {
  return useUncheckedRows(keyKeys.list(useApiClient().scopeKey, region, filters));
}

/** One key by identity or slug. */
export function useKeyDetail(region: string, id: string) {
  return useQuery(keyDetailQuery(useApiClient(), region, id));
}

/** Public keys of an asymmetric key (every version, or one). */
export function usePublicKey(region: string, id: string, version?: string) {
  return useQuery(publicKeyQuery(useApiClient(), region, id, version));
}

/** The newest audit events of a key; suspends (wrap it in Suspense and an error boundary). */
export function useKeyAuditSuspense(region: string, identity: string, limit?: number) {
  return useSuspenseQuery(keyAuditQuery(useApiClient(), region, identity, limit));
}
