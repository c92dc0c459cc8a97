import { queryOptions } from '@tanstack/react-query';
import {
  AUDIT_RESOURCE_TYPE_KEY,
  ENDPOINTS,
  keyListFiltersToSearchParams,
  type KeyListFilters,
} from '@/contract';
import type { ApiClient } from '@/lib/api-client';
import { validateInSlices } from '@/lib/validate-in-slices';
import { keyKeys } from './query-keys';
import { dropUncheckedRows, setUncheckedRows } from './unchecked-key-lists';

/**
 * The whole key list of a region (the API has no paging), with optional exact API filters.
 * Every row is validated, in slices that leave the main thread free between them; meanwhile
 * the rows are offered unchecked (useUncheckedRows) so the list page can check and paint its
 * first screen before the rest.
 */
export function keyListQuery(client: ApiClient, region: string, filters: KeyListFilters = {}) {
  return queryOptions({
    queryKey: keyKeys.list(client.scopeKey, region, filters),
    queryFn: ({ signal, client: queryClient, queryKey }) => {
      let unchecked: readonly unknown[] | null = null;
      return client
        .call('listKeys', {
          region,
          query: keyListFiltersToSearchParams(filters),
          signal,
          parseBody: (json) =>
            validateInSlices('listKeys', ENDPOINTS.listKeys.response, json, {
              signal,
              onRows: (rows) => {
                unchecked = rows;
                setUncheckedRows(queryClient, queryKey, rows);
              },
            }),
        })
        .finally(() => {
          if (unchecked) dropUncheckedRows(queryClient, queryKey, unchecked);
        });
    },
  });
}

/** One key by identity or slug. */
export function keyDetailQuery(client: ApiClient, region: string, id: string) {
  return queryOptions({
    queryKey: keyKeys.detail(client.scopeKey, region, id),
    queryFn: ({ signal }) => client.call('getKey', { region, id, signal }),
  });
}

/** Public keys of an asymmetric key: every version, or one. Public data: safe to cache. */
export function publicKeyQuery(client: ApiClient, region: string, id: string, version?: string) {
  return queryOptions({
    queryKey: keyKeys.publicKey(client.scopeKey, region, id, version),
    queryFn: ({ signal }) =>
      client.call('publicKey', { region, id, query: version ? { version } : undefined, signal }),
    staleTime: 5 * 60_000,
  });
}

/** The first page of a key's audit events, newest first (`GET /v1/audit`, organisation-wide). */
export function keyAuditQuery(client: ApiClient, region: string, identity: string, limit = 20) {
  return queryOptions({
    queryKey: [...keyKeys.audit(client.scopeKey, region, identity), limit] as const,
    queryFn: ({ signal }) =>
      client.call('audit', {
        query: {
          resourceType: AUDIT_RESOURCE_TYPE_KEY,
          resourceIdentity: identity,
          limit: String(limit),
        },
        signal,
      }),
  });
}
