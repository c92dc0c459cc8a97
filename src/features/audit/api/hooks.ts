import { useQuery } from '@tanstack/react-query';
import type { AuditQueryInput, Key } from '@/contract';
import { useApiClient } from '@/lib/api-context';
import { auditNewerQuery, auditPageQuery, lastUsedQuery } from './queries';

/** One page of the audit log. */
export function useAuditPage(query: AuditQueryInput) {
  return useQuery(auditPageQuery(useApiClient(), query));
}

/** How many events arrived after a view's snapshot; `null` turns the count off. */
export function useAuditNewer(query: AuditQueryInput | null) {
  return useQuery({
    ...auditNewerQuery(useApiClient(), query ?? { page: '1', limit: '1' }),
    enabled: query !== null,
  });
}

/** Per version, the last use of a key up to `at`. */
export function useLastUsed(key: Key, at: string) {
  return useQuery(lastUsedQuery(useApiClient(), key, at));
}
