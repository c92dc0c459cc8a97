import type { KeyListFilters } from '@/contract';

/**
 * Query-key factory for keys (docs/architecture.md, "Console conventions"). The scope
 * (organisation/project) is part of every key, so switching scope never shows another scope's
 * cache.
 */
export const keyKeys = {
  all: (scope: string) => ['keys', scope] as const,
  lists: (scope: string) => [...keyKeys.all(scope), 'list'] as const,
  list: (scope: string, region: string, filters: KeyListFilters = {}) =>
    [...keyKeys.lists(scope), region, filters] as const,
  details: (scope: string) => [...keyKeys.all(scope), 'detail'] as const,
  detail: (scope: string, region: string, id: string) =>
    [...keyKeys.details(scope), region, id] as const,
  publicKey: (scope: string, region: string, id: string, version?: string) =>
    [...keyKeys.detail(scope, region, id), 'public-key', version ?? 'all'] as const,
  audit: (scope: string, region: string, id: string) =>
    [...keyKeys.detail(scope, region, id), 'audit'] as const,
};
