import { keySchema, type Key } from '@/contract';
import { filterKeys, indexKeys, keyOrder, queryTerms } from './key-list-model';
import type { KeyListView } from './key-list-search';

/** Rows painted before the whole list is validated: more than a tall window shows. */
export const FIRST_SCREEN_ROWS = 100;

type ViewOfRows = Pick<KeyListView, 'query' | 'statuses' | 'types' | 'purposes' | 'sort' | 'dir'>;

/** The `count` smallest items in `order`, sorted: one pass, without sorting the rest. */
function smallest<T>(items: readonly T[], order: (a: T, b: T) => number, count: number): T[] {
  const out: T[] = [];
  for (const item of items) {
    if (out.length === count && order(item, out[count - 1]!) >= 0) continue;
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order(item, out[mid]!) < 0) hi = mid;
      else lo = mid + 1;
    }
    out.splice(lo, 0, item);
    if (out.length > count) out.pop();
  }
  return out;
}

/**
 * The first rows `view` shows, picked from a list whose rows are not validated yet and then
 * each validated with the contract's key schema: the same rows in the same order as the whole
 * validated list will show first (the schema only drops unknown fields, which the view never
 * reads). Null when they cannot be given: a row the view reads is malformed (the whole list's
 * validation then reports it), or no row matches. Picking reads the unchecked rows as keys;
 * whatever a malformed one makes that do is caught here, and no unchecked row is returned.
 */
export function firstScreen(
  rows: readonly unknown[],
  view: ViewOfRows,
  count = FIRST_SCREEN_ROWS,
): Key[] | null {
  try {
    const keys = rows as readonly Key[];
    const isNarrowed =
      queryTerms(view.query).length > 0 ||
      view.statuses.length > 0 ||
      view.types.length > 0 ||
      view.purposes.length > 0;
    const candidates = isNarrowed ? filterKeys(indexKeys(keys), view).map((i) => i.key) : keys;
    const picked = smallest(candidates, keyOrder(view.sort, view.dir), count);
    const checked: Key[] = [];
    for (const row of picked) {
      const result = keySchema.safeParse(row);
      if (!result.success) return null;
      checked.push(result.data);
    }
    return checked.length ? checked : null;
  } catch {
    return null;
  }
}
