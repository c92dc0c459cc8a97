import type { AuditQueryInput } from '@/contract';

/**
 * Query-key factory for the audit log. The scope (organisation/project) is part of every key,
 * so switching scope never shows another scope's cache.
 */
export const auditKeys = {
  all: (scope: string) => ['audit', scope] as const,
  pages: (scope: string) => [...auditKeys.all(scope), 'page'] as const,
  page: (scope: string, query: AuditQueryInput) => [...auditKeys.pages(scope), query] as const,
  newer: (scope: string, query: AuditQueryInput) =>
    [...auditKeys.all(scope), 'newer', query] as const,
  lastUsed: (scope: string, identity: string, versions: string) =>
    [...auditKeys.all(scope), 'last-used', identity, versions] as const,
};
