import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '@/lib/api-client';

export const wrappingKeyKeys = {
  all: ['wrapping-key'] as const,
  region: (scope: string, region: string) => [...wrappingKeyKeys.all, scope, region] as const,
};

/**
 * The region's BYOK wrapping key (public RSA key, PEM, and its algorithm). Public data: safe to
 * cache; the first request in a region can take seconds while the emulator generates it.
 */
export function wrappingKeyQuery(client: ApiClient, region: string) {
  return queryOptions({
    queryKey: wrappingKeyKeys.region(client.scopeKey, region),
    queryFn: ({ signal }) => client.call('wrappingKey', { region, signal }),
    staleTime: 60 * 60_000,
  });
}
