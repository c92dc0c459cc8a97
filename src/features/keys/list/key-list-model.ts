import {
  KEY_STATUSES,
  KEY_TYPE_INFO,
  KEY_TYPES,
  purposesOf,
  type Key,
  type KeyPurpose,
  type KeyStatus,
  type KeyType,
} from '@/contract';
import { addDays } from '@/lib/format';
import {
  KEY_PURPOSES,
  type KeySortKey,
  type KeyListView,
  type SortDirection,
} from './key-list-search';

/** When the latest version was created (falls back to the key's creation time). */
export function latestVersionCreatedAt(key: Key): string {
  const latest = key.versions.find((v) => v.version === key.latestVersion);
  return latest?.createdAt ?? key.createdAt;
}

/**
 * The next automatic rotation: latest version's createdAt + period, or
 * null when rotation is off or has no period.
 */
export function nextRotationAt(key: Key): Date | null {
  if (!key.keyRotationEnabled || !key.rotationPeriodInDays) return null;
  return addDays(latestVersionCreatedAt(key), key.rotationPeriodInDays);
}

/** Lower-cased text the instant search matches: name, slug, identity, labels (`k=v`). */
export function searchTextOf(key: Key): string {
  const labels = Object.entries(key.labels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  return `${key.name}\n${key.slug}\n${key.identity}\n${labels}`.toLowerCase();
}

export interface IndexedKey {
  key: Key;
  text: string;
  purposes: KeyPurpose[];
}

/** Precomputes what filtering needs, once per fetched list (not once per keystroke). */
export function indexKeys(keys: readonly Key[]): IndexedKey[] {
  return keys.map((key) => ({ key, text: searchTextOf(key), purposes: purposesOf(key.keyType) }));
}

type Facets = Pick<KeyListView, 'query' | 'statuses' | 'types' | 'purposes'>;

/** Every whitespace-separated term must appear (AND), case-insensitive. */
export function queryTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

function matches(item: IndexedKey, terms: string[], facets: Facets, skip?: keyof Facets): boolean {
  if (skip !== 'statuses' && facets.statuses.length && !facets.statuses.includes(item.key.status))
    return false;
  if (skip !== 'types' && facets.types.length && !facets.types.includes(item.key.keyType))
    return false;
  if (
    skip !== 'purposes' &&
    facets.purposes.length &&
    !item.purposes.some((p) => facets.purposes.includes(p))
  )
    return false;
  return terms.every((t) => item.text.includes(t));
}

/** Instant search + facets (status, key type, purpose: values within a facet are ORed). */
export function filterKeys(items: readonly IndexedKey[], facets: Facets): IndexedKey[] {
  const terms = queryTerms(facets.query);
  if (!terms.length && !facets.statuses.length && !facets.types.length && !facets.purposes.length)
    return items.slice();
  return items.filter((item) => matches(item, terms, facets));
}

export interface FacetCounts {
  statuses: Record<KeyStatus, number>;
  types: Record<KeyType, number>;
  purposes: Record<KeyPurpose, number>;
}

function zeroes<T extends string>(values: readonly T[]): Record<T, number> {
  const out = {} as Record<T, number>;
  for (const v of values) out[v] = 0;
  return out;
}

/**
 * How many keys each facet value would show, given the search and the other facets (the usual
 * faceted-search rule: a facet does not narrow its own counts).
 */
export function countFacets(items: readonly IndexedKey[], facets: Facets): FacetCounts {
  const terms = queryTerms(facets.query);
  const counts: FacetCounts = {
    statuses: zeroes(KEY_STATUSES),
    types: zeroes(KEY_TYPES),
    purposes: zeroes(KEY_PURPOSES),
  };
  for (const item of items) {
    if (matches(item, terms, facets, 'statuses')) counts.statuses[item.key.status] += 1;
    if (matches(item, terms, facets, 'types')) counts.types[item.key.keyType] += 1;
    if (matches(item, terms, facets, 'purposes'))
      for (const p of item.purposes) counts.purposes[p] += 1;
  }
  return counts;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const STATUS_ORDER: Record<KeyStatus, number> = { active: 0, disabled: 1, pending_deletion: 2 };

function labelsSortText(key: Key): string {
  return Object.entries(key.labels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join(',');
}

/** Compares two keys on one column, ascending. Empty values (no rotation, no labels) sort last. */
function compareOn(sort: KeySortKey, a: Key, b: Key): number {
  switch (sort) {
    case 'name':
      return collator.compare(a.name, b.name);
    case 'identity':
      return collator.compare(a.identity, b.identity);
    case 'type':
      return KEY_TYPES.indexOf(a.keyType) - KEY_TYPES.indexOf(b.keyType);
    case 'status':
      return STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    case 'rotation': {
      const ra = nextRotationAt(a)?.getTime() ?? Number.POSITIVE_INFINITY;
      const rb = nextRotationAt(b)?.getTime() ?? Number.POSITIVE_INFINITY;
      return ra === rb ? 0 : ra < rb ? -1 : 1;
    }
    case 'latestVersion':
      return a.latestVersion - b.latestVersion;
    case 'minDecryptionVersion':
      return a.minDecryptionVersion - b.minDecryptionVersion;
    case 'labels': {
      const la = labelsSortText(a);
      const lb = labelsSortText(b);
      if (!la || !lb) return la === lb ? 0 : la ? -1 : 1;
      return collator.compare(la, lb);
    }
    case 'created':
      return Date.parse(a.createdAt) - Date.parse(b.createdAt);
  }
}

/** Columns whose empty values stay last in both directions. */
const EMPTY_LAST: Partial<Record<KeySortKey, (k: Key) => boolean>> = {
  rotation: (k) => nextRotationAt(k) === null,
  labels: (k) => Object.keys(k.labels ?? {}).length === 0,
};

/** The list's order for a column and direction; ties broken by name, then identity (total). */
export function keyOrder(sort: KeySortKey, dir: SortDirection): (a: Key, b: Key) => number {
  const sign = dir === 'asc' ? 1 : -1;
  const isEmpty = EMPTY_LAST[sort];
  return (a, b) => {
    if (isEmpty) {
      const ea = isEmpty(a);
      const eb = isEmpty(b);
      if (ea !== eb) return ea ? 1 : -1;
    }
    return (
      sign * compareOn(sort, a, b) ||
      collator.compare(a.name, b.name) ||
      (a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : 0)
    );
  };
}

/** A new sorted array; ties broken by name, then identity, so the order is always stable. */
export function sortKeys<T extends { key: Key }>(
  items: readonly T[],
  sort: KeySortKey,
  dir: SortDirection,
): T[] {
  const order = keyOrder(sort, dir);
  return items.slice().sort((x, y) => order(x.key, y.key));
}

/** Direction a header click gives: a new column starts ascending (created starts newest first). */
export function nextSort(
  current: { sort: KeySortKey; dir: SortDirection },
  column: KeySortKey,
): { sort: KeySortKey; dir: SortDirection } {
  if (current.sort === column) return { sort: column, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { sort: column, dir: column === 'created' ? 'desc' : 'asc' };
}

export const keyTypeLabel = (keyType: KeyType): string => KEY_TYPE_INFO[keyType].label;

/**
 * Where to scroll so that a row keeps its place on screen after the rows change (filter or
 * sort). `offsetInView` is the row's distance from the top of the viewport before the change.
 */
export function anchoredScrollTop(options: {
  newIndex: number;
  rowHeight: number;
  offsetInView: number;
  viewportHeight: number;
  totalRows: number;
}): number {
  const { newIndex, rowHeight, viewportHeight, totalRows } = options;
  // Keep the row fully visible even when it was scrolled (partly) out of view before.
  const offset = Math.min(
    Math.max(options.offsetInView, 0),
    Math.max(viewportHeight - rowHeight, 0),
  );
  const max = Math.max(totalRows * rowHeight - viewportHeight, 0);
  return Math.min(Math.max(newIndex * rowHeight - offset, 0), max);
}
