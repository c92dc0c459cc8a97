import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '@/lib/api-client';

export const summaryKeys = {
  all: ['summary'] as const,
  summary: (scope: string) => [...summaryKeys.all, scope] as const,
};

/** Regions with KMS availability and key counts for the active scope. */
export function summaryQuery(client: ApiClient) {
  return queryOptions({
    queryKey: summaryKeys.summary(client.scopeKey),
    queryFn: ({ signal }) => client.call('summary', { signal }),
    staleTime: 60_000,
  });
}
