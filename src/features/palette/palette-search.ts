import type { Key } from '@/contract';
import { indexKeys, queryTerms, type IndexedKey } from '@/features/keys';

/** One list the palette searches: the keys of one region in one scope. */
export interface KeySource {
  /** The project, or undefined for organisation scope. */
  project: string | undefined;
  region: string;
  regionName: string;
  keys: readonly Key[];
}

export interface KeyHit {
  key: Key;
  /** 0 exact identity, slug or name; 1 name or slug starts with it, or an exact label; 2 contains. */
  rank: number;
}

export interface KeyGroup {
  /** Stable across renders: scope and region. */
  id: string;
  project: string | undefined;
  region: string;
  regionName: string;
  /** The best matches, at most `perGroup`. */
  hits: KeyHit[];
  /** How many keys of this list match in all. */
  total: number;
}

/** "organisation scope" or "project web". */
export function scopeLabel(project: string | undefined): string {
  return project ? `project ${project}` : 'organisation scope';
}

export function sourceId(project: string | undefined, region: string): string {
  return `${project ?? ''}@${region}`;
}

// Indexed once per fetched list (the key list's own rule), not once per keystroke.
const indexCache = new WeakMap<readonly Key[], IndexedKey[]>();
function indexed(keys: readonly Key[]): IndexedKey[] {
  let items = indexCache.get(keys);
  if (!items) {
    items = indexKeys(keys);
    indexCache.set(keys, items);
  }
  return items;
}

/**
 * How well a key matches, or null when it does not. Matching is the key list's instant search
 * (every term in the name, slug, identity or a `key=value` label), so the palette and the list
 * never disagree; the rank only orders what matched.
 */
export function rankKey(item: IndexedKey, query: string): number | null {
  const terms = queryTerms(query);
  if (!terms.length || !terms.every((t) => item.text.includes(t))) return null;
  const q = terms.join(' ');
  const { key } = item;
  const name = key.name.toLowerCase();
  if (key.identity.toLowerCase() === q || key.slug === q || name === q) return 0;
  if (name.startsWith(q) || key.slug.startsWith(q)) return 1;
  const labels = Object.entries(key.labels ?? {}).map(([k, v]) => `${k}=${v}`.toLowerCase());
  if (labels.includes(q)) return 1;
  return 2;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * The keys matching `query`, one group per scope and region, best first inside a group. Groups
 * keep the order of `sources` (the current scope and region first), except that a group holding
 * an exact match comes before those that do not.
 */
export function searchKeys(sources: readonly KeySource[], query: string, perGroup = 5): KeyGroup[] {
  if (!queryTerms(query).length) return [];
  const groups: { group: KeyGroup; best: number; order: number }[] = [];
  sources.forEach((source, order) => {
    const hits: KeyHit[] = [];
    for (const item of indexed(source.keys)) {
      const rank = rankKey(item, query);
      if (rank !== null) hits.push({ key: item.key, rank });
    }
    if (!hits.length) return;
    hits.sort((a, b) => a.rank - b.rank || collator.compare(a.key.name, b.key.name));
    groups.push({
      group: {
        id: sourceId(source.project, source.region),
        project: source.project,
        region: source.region,
        regionName: source.regionName,
        hits: hits.slice(0, perGroup),
        total: hits.length,
      },
      best: hits[0]!.rank === 0 ? 0 : 1,
      order,
    });
  });
  groups.sort((a, b) => a.best - b.best || a.order - b.order);
  return groups.map((g) => g.group);
}

/**
 * The projects to search: the scope in use first, then organisation scope, then the projects
 * used earlier in this session (deduplicated). `undefined` stands for organisation scope.
 */
export function searchScopes(
  current: string | undefined,
  recent: readonly string[],
): (string | undefined)[] {
  const out: (string | undefined)[] = [current];
  if (current !== undefined) out.push(undefined);
  for (const p of recent) if (!out.includes(p)) out.push(p);
  return out;
}
