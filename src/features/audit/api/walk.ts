import {
  AUDIT_MAX_LIMIT,
  AUDIT_RESOURCE_TYPE_KEY,
  type AuditLog,
  type AuditQueryInput,
} from '@/contract';
import type { ApiClient } from '@/lib/api-client';
import {
  emptyScan,
  foldUsagePage,
  isEveryVersionFound,
  USAGE_ACTIONS,
  type LastUsedScan,
} from '../last-used';

/** The last-used walk reads at most this many pages of usage events (newest first). */
export const LAST_USED_MAX_PAGES = 10;
/** An export holds at most this many events (the newest of the view). */
export const EXPORT_CAP = 10_000;

/**
 * Walks a key's usage events newest first, page by page, until every version is found, the
 * history ends, or `maxPages` pages were read.
 */
export async function scanLastUsed(
  client: ApiClient,
  identity: string,
  versions: readonly number[],
  at: string,
  signal?: AbortSignal,
  maxPages = LAST_USED_MAX_PAGES,
  limit = AUDIT_MAX_LIMIT,
): Promise<LastUsedScan> {
  const wanted = new Set(versions);
  let scan = emptyScan();
  for (let page = 1; page <= maxPages; page++) {
    const result = await client.call('audit', {
      query: {
        resourceType: AUDIT_RESOURCE_TYPE_KEY,
        resourceIdentity: identity,
        action: USAGE_ACTIONS.join(','),
        createdBefore: at,
        page: String(page),
        limit: String(limit),
      },
      ...(signal ? { signal } : {}),
    });
    scan = foldUsagePage(scan, result.items, wanted);
    if (result.items.length < limit || page >= result.totalPages) {
      return { ...scan, isComplete: true };
    }
    if (isEveryVersionFound(scan, wanted)) return scan;
  }
  return scan;
}

export interface ExportProgress {
  fetched: number;
  /** Events the export will hold: the view's total, up to the cap. */
  target: number;
  totalInView: number;
}

/**
 * Fetches every page of a view (newest first) up to `cap` events, reporting progress after each
 * page. Stops early when aborted (the promise then rejects with the abort).
 */
export async function fetchForExport(
  client: ApiClient,
  filters: Omit<AuditQueryInput, 'page' | 'limit'>,
  onProgress: (p: ExportProgress) => void,
  signal: AbortSignal,
  cap = EXPORT_CAP,
  limit = AUDIT_MAX_LIMIT,
): Promise<{ items: AuditLog[]; totalInView: number }> {
  const items: AuditLog[] = [];
  let totalInView = 0;
  for (let page = 1; items.length < cap; page++) {
    signal.throwIfAborted();
    const result = await client.call('audit', {
      query: { ...filters, page: String(page), limit: String(limit) },
      signal,
    });
    totalInView = result.totalItems;
    items.push(...result.items.slice(0, cap - items.length));
    onProgress({ fetched: items.length, target: Math.min(totalInView, cap), totalInView });
    if (result.items.length < limit || page >= result.totalPages) break;
  }
  return { items, totalInView };
}
