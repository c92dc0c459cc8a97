import { z } from 'zod';
import {
  KEY_STATUSES,
  KEY_TYPES,
  keyStatusSchema,
  labelKeyError,
  labelValueError,
  type KeyListFilters,
  type KeyPurpose,
  type KeyStatus,
  type KeyType,
} from '@/contract';

/** Columns the list can sort on (every column). */
export const KEY_SORT_KEYS = [
  'name',
  'identity',
  'type',
  'status',
  'rotation',
  'latestVersion',
  'minDecryptionVersion',
  'labels',
  'created',
] as const;
export type KeySortKey = (typeof KEY_SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

export const KEY_PURPOSES: readonly KeyPurpose[] = ['encrypt', 'sign', 'hmac'];

/**
 * A hand-typed `?q=123` is parsed by the router as a number (its search parser tries JSON
 * first): accept numbers and booleans as their text so such links still work.
 */
const text = z
  .preprocess(
    (v) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v),
    z.string().min(1),
  )
  .optional()
  .catch(undefined);

/**
 * Key list URL state. Everything a view shows is here, so a link opens the same view:
 * - `q`: instant search text (name, slug, identity, labels), matched in the browser;
 * - `status`, `type`, `purpose`: facets, comma-separated values (e.g. `status=active,disabled`);
 * - `sort`, `dir`: the sorted column and direction (default name ascending);
 * - `identity`, `name`, `slug`, `lookupStatus`, `labels` (`k=v,k2=v2`): the API's own exact
 *   filters ("exact lookup"), sent to `GET /v1/kms/{region}/keys` as query parameters.
 * Each field falls back on its own when invalid, so one bad value never breaks the page.
 */
export const keyListSearchSchema = z.object({
  q: text,
  status: text,
  type: text,
  purpose: text,
  sort: z.enum(KEY_SORT_KEYS).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  identity: text,
  name: text,
  slug: text,
  lookupStatus: keyStatusSchema.optional().catch(undefined),
  labels: text,
});
export type KeyListSearch = z.infer<typeof keyListSearchSchema>;

/** The list view as typed values, read from the URL state. */
export interface KeyListView {
  query: string;
  statuses: KeyStatus[];
  types: KeyType[];
  purposes: KeyPurpose[];
  sort: KeySortKey;
  dir: SortDirection;
  /** API exact filters; empty object when not looking up. */
  lookup: KeyListFilters;
}

function parseList<T extends string>(value: string | undefined, allowed: readonly T[]): T[] {
  if (!value) return [];
  const wanted = new Set(value.split(',').map((v) => v.trim()));
  // Keep the canonical order and drop unknown values.
  return allowed.filter((a) => wanted.has(a));
}

/** `env=prod,team=core` → `{env: 'prod', team: 'core'}`; malformed pairs are dropped. */
export function parseLabelSelector(value: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!value) return out;
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = part.slice(0, eq).trim();
    const val = part.slice(eq + 1).trim();
    if (labelKeyError(key) === null && labelValueError(val) === null) out[key] = val;
  }
  return out;
}

/** Checks a typed label selector; returns the first problem, or null. */
export function labelSelectorError(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  for (const part of trimmed.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return `"${part.trim()}" is not key=value`;
    const keyError = labelKeyError(part.slice(0, eq).trim());
    if (keyError) return keyError;
    const valueError = labelValueError(part.slice(eq + 1).trim());
    if (valueError) return valueError;
  }
  return null;
}

export function formatLabelSelector(
  labels: Record<string, string> | undefined,
): string | undefined {
  const entries = Object.entries(labels ?? {});
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(',') : undefined;
}

/** URL state → typed view (unknown facet values are ignored). */
export function readKeyListView(search: KeyListSearch): KeyListView {
  const lookup: KeyListFilters = {};
  if (search.identity) lookup.identity = search.identity;
  if (search.name) lookup.name = search.name;
  if (search.slug) lookup.slug = search.slug;
  if (search.lookupStatus) lookup.status = search.lookupStatus;
  const labels = parseLabelSelector(search.labels);
  if (Object.keys(labels).length > 0) lookup.matchLabels = labels;
  return {
    query: search.q ?? '',
    statuses: parseList(search.status, KEY_STATUSES),
    types: parseList(search.type, KEY_TYPES),
    purposes: parseList(search.purpose, KEY_PURPOSES),
    sort: search.sort ?? 'name',
    dir: search.dir ?? 'asc',
    lookup,
  };
}

const joinOrUndefined = (values: readonly string[]) =>
  values.length ? values.join(',') : undefined;

/** Typed view → URL state; defaults are left out so URLs stay short. */
export function writeKeyListView(view: KeyListView): KeyListSearch {
  const search: KeyListSearch = {
    q: view.query.trim() ? view.query : undefined,
    status: joinOrUndefined(view.statuses),
    type: joinOrUndefined(view.types),
    purpose: joinOrUndefined(view.purposes),
    sort: view.sort === 'name' ? undefined : view.sort,
    dir: view.dir === 'asc' ? undefined : view.dir,
    identity: view.lookup.identity || undefined,
    name: view.lookup.name || undefined,
    slug: view.lookup.slug || undefined,
    lookupStatus: view.lookup.status,
    labels: formatLabelSelector(view.lookup.matchLabels),
  };
  return search;
}

export function hasLookup(lookup: KeyListFilters): boolean {
  return Boolean(
    lookup.identity ||
    lookup.name ||
    lookup.slug ||
    lookup.status ||
    lookup.keyType ||
    Object.keys(lookup.matchLabels ?? {}).length,
  );
}

export function hasLocalFilters(view: KeyListView): boolean {
  return (
    view.query.trim() !== '' ||
    view.statuses.length > 0 ||
    view.types.length > 0 ||
    view.purposes.length > 0
  );
}
