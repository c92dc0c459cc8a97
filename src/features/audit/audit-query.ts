import {
  AUDIT_ACTION_GROUPS,
  AUDIT_DEFAULT_LIMIT,
  AUDIT_RESOURCE_TYPE_KEY,
  type AuditQueryInput,
} from '@/contract';
import type { AuditActionFilter, AuditView } from './audit-search';
import { rangeStart } from './time-range';

/** The filters of a view as API parameters (no page, no limit, no snapshot). */
export type AuditFilterQuery = Omit<AuditQueryInput, 'page' | 'limit'>;

export function actionsOf(action: AuditActionFilter): readonly string[] {
  return Object.hasOwn(AUDIT_ACTION_GROUPS, action)
    ? AUDIT_ACTION_GROUPS[action as keyof typeof AUDIT_ACTION_GROUPS]
    : [action];
}

const earlier = (a: string | null, b: string | null) =>
  a === null ? b : b === null ? a : new Date(a) <= new Date(b) ? a : b;
const later = (a: string | null, b: string | null) =>
  a === null ? b : b === null ? a : new Date(a) >= new Date(b) ? a : b;

/**
 * One spelling per instant (`2026-11-01T00:00:00.000Z`): the API may compare times as text, and
 * a hand-typed `…T00:00:00Z` or `+01:00` would then sort wrongly against stored times.
 */
const canonical = (iso: string) => new Date(iso).toISOString();

/**
 * The events a view shows: its filters, and its time window ending at the snapshot `at` (so
 * paging is stable while new events arrive). `at` is required: the page sets it on first load.
 */
export function auditFilterQuery(view: AuditView, at: string): AuditFilterQuery {
  const query: AuditFilterQuery = { resourceType: AUDIT_RESOURCE_TYPE_KEY };
  if (view.action) query.action = actionsOf(view.action).join(',');
  if (view.outcome) query.outcome = view.outcome;
  if (view.region) query.region = view.region;
  if (view.key.trim()) query.searchText = view.key.trim();
  const after = view.range === 'custom' ? view.from : rangeStart(view.range, at);
  const before = view.range === 'custom' ? earlier(view.to, at) : at;
  if (after) query.createdAfter = canonical(after);
  if (before) query.createdBefore = canonical(before);
  return query;
}

/** One page of a filter query. */
export function pageQuery(
  filters: AuditFilterQuery,
  page: number,
  limit = AUDIT_DEFAULT_LIMIT,
): AuditQueryInput {
  return { ...filters, page: String(page), limit: String(limit) };
}

/**
 * The same filters for events recorded after the snapshot (the "new events" count), or null
 * when the view's window closed before the snapshot (a custom range in the past).
 */
export function newerQuery(view: AuditView, at: string): AuditQueryInput | null {
  if (view.range === 'custom' && view.to && new Date(view.to) <= new Date(at)) return null;
  const query = auditFilterQuery(view, at);
  const after = later(query.createdAfter ?? null, canonical(at));
  delete query.createdBefore;
  return { ...query, ...(after ? { createdAfter: after } : {}), page: '1', limit: '1' };
}
