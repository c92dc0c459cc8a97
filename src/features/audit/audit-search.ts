import { z } from 'zod';
import {
  AUDIT_ACTION_GROUPS,
  AUDIT_ACTIONS,
  AUDIT_OUTCOMES,
  timestampSchema,
  type AuditAction,
  type AuditActionGroup,
  type AuditOutcome,
} from '@/contract';
import { TIME_RANGES, type TimeRange } from './time-range';

/**
 * Audit page URL state, as the router hands it over: every field is kept as sent (a hand-typed
 * `?page=2` arrives as a number) and checked by `readAuditView`, which drops a bad value with a
 * short notice instead of failing the page.
 */
const loose = z
  .preprocess(
    (v) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v),
    z.string().max(2000),
  )
  .optional()
  .catch(undefined);

export const auditSearchSchema = z.object({
  /** An action group (`crypto`) or one action (`kms.decrypt`). */
  action: loose,
  outcome: loose,
  region: loose,
  /** Key name, slug or identity: matched by the API's searchText. */
  key: loose,
  range: loose,
  from: loose,
  to: loose,
  /** 1-based page; written as a number so the URL reads `page=3`. */
  page: z.union([z.number(), z.string()]).optional().catch(undefined),
  /** Snapshot: the view shows events recorded before this instant, so pages never shift. */
  at: loose,
});
export type AuditSearch = z.infer<typeof auditSearchSchema>;

export type AuditActionFilter = AuditActionGroup | AuditAction;

export interface AuditView {
  action: AuditActionFilter | null;
  outcome: AuditOutcome | null;
  region: string | null;
  key: string;
  range: TimeRange;
  /** ISO instants of a custom range (either may be open). */
  from: string | null;
  to: string | null;
  page: number;
  at: string | null;
}

/** Every filter off (the snapshot stays). */
export const NO_FILTERS = {
  action: null,
  outcome: null,
  region: null,
  key: '',
  range: 'all',
  from: null,
  to: null,
} satisfies Partial<AuditView>;

export const DEFAULT_AUDIT_VIEW: AuditView = { ...NO_FILTERS, page: 1, at: null };

export const MAX_KEY_SEARCH = 200;
const REGION_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
const MAX_PAGE = 1_000_000;

const isGroup = (v: string): v is AuditActionGroup => Object.hasOwn(AUDIT_ACTION_GROUPS, v);
const isAction = (v: string): v is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(v);
const isOutcome = (v: string): v is AuditOutcome =>
  (AUDIT_OUTCOMES as readonly string[]).includes(v);
const isRange = (v: string): v is TimeRange => (TIME_RANGES as readonly string[]).includes(v);
const isInstant = (v: string) => timestampSchema.safeParse(v).success;

/** Short, safe echo of a bad value for a notice (never the whole of a long string). */
function echo(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

/** URL state → typed view, and a short notice for every value that was dropped. */
export function readAuditView(search: AuditSearch): { view: AuditView; notices: string[] } {
  const notices: string[] = [];
  const view: AuditView = { ...DEFAULT_AUDIT_VIEW };
  const { action, outcome, region, key, range, from, to, page, at } = search;
  if (action) {
    if (isGroup(action) || isAction(action)) view.action = action;
    else notices.push(`action ${echo(action)} is not a known action`);
  }
  if (outcome) {
    if (isOutcome(outcome)) view.outcome = outcome;
    else notices.push(`outcome ${echo(outcome)} is not success or failure`);
  }
  if (region) {
    if (REGION_PATTERN.test(region)) view.region = region;
    else notices.push(`region ${echo(region)} is not a region slug`);
  }
  if (key) {
    if (key.length <= MAX_KEY_SEARCH) view.key = key;
    else notices.push(`the key search is longer than ${MAX_KEY_SEARCH} characters`);
  }
  if (range) {
    if (isRange(range)) view.range = range;
    else notices.push(`time range ${echo(range)} is not one of ${TIME_RANGES.join(', ')}`);
  }
  readCustomRange(view, from, to, notices);
  if (page !== undefined) {
    const n = typeof page === 'number' ? page : /^\d{1,9}$/.test(page) ? Number(page) : NaN;
    if (Number.isInteger(n) && n >= 1 && n <= MAX_PAGE) view.page = n;
    else notices.push(`page ${echo(String(page))} is not a page number`);
  }
  if (at) {
    if (isInstant(at)) view.at = at;
    else notices.push(`snapshot time ${echo(at)} is not a date`);
  }
  return { view, notices };
}

function readCustomRange(
  view: AuditView,
  from: string | undefined,
  to: string | undefined,
  notices: string[],
) {
  if (view.range !== 'custom') {
    if (from || to) notices.push('from/to apply only to a custom time range');
    return;
  }
  if (from) {
    if (isInstant(from)) view.from = from;
    else notices.push(`from ${echo(from)} is not a date`);
  }
  if (to) {
    if (isInstant(to)) view.to = to;
    else notices.push(`to ${echo(to)} is not a date`);
  }
  if (view.from && view.to && new Date(view.from) > new Date(view.to)) {
    notices.push('the custom range ends before it starts');
    view.from = null;
    view.to = null;
  }
}

/** Typed view → URL state; defaults are left out so links stay short. */
export function writeAuditView(view: AuditView): AuditSearch {
  const isCustom = view.range === 'custom';
  return {
    action: view.action ?? undefined,
    outcome: view.outcome ?? undefined,
    region: view.region ?? undefined,
    key: view.key.trim() ? view.key : undefined,
    range: view.range === 'all' ? undefined : view.range,
    from: isCustom && view.from ? view.from : undefined,
    to: isCustom && view.to ? view.to : undefined,
    page: view.page > 1 ? view.page : undefined,
    at: view.at ?? undefined,
  };
}

/** Whether any filter narrows the view (the snapshot and the page do not). */
export function hasAuditFilters(view: AuditView): boolean {
  return Boolean(
    view.action || view.outcome || view.region || view.key.trim() || view.range !== 'all',
  );
}
