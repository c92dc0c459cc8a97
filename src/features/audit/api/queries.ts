import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { AuditQueryInput, Key } from '@/contract';
import type { ApiClient } from '@/lib/api-client';
import { auditKeys } from './query-keys';
import { scanLastUsed } from './walk';

/** One page of the audit log, as the API answers it. */
export function auditPageQuery(client: ApiClient, query: AuditQueryInput) {
  return queryOptions({
    queryKey: auditKeys.page(client.scopeKey, query),
    queryFn: ({ signal }) => client.call('audit', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** How many events match a view's filters but arrived after its snapshot. */
export function auditNewerQuery(client: ApiClient, query: AuditQueryInput) {
  return queryOptions({
    queryKey: auditKeys.newer(client.scopeKey, query),
    queryFn: async ({ signal }) => (await client.call('audit', { query, signal })).totalItems,
    refetchInterval: 30_000,
  });
}

/** Per version, the last use of a key: a bounded walk through its usage events. */
export function lastUsedQuery(client: ApiClient, key: Key, at: string) {
  const versions = key.versions.map((v) => v.version);
  return queryOptions({
    queryKey: auditKeys.lastUsed(client.scopeKey, key.identity, `${versions.join(',')}@${at}`),
    queryFn: ({ signal }) => scanLastUsed(client, key.identity, versions, at, signal),
  });
}
