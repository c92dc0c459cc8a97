import { describe, expect, it } from 'vitest';
import {
  EMPTY_SELECTION,
  headerState,
  keepOnly,
  selectAll,
  selectedItems,
  selectRange,
  toggleOne,
} from './selection';

const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
const sorted = (s: { ids: ReadonlySet<string> }) => [...s.ids].sort();

describe('selection', () => {
  it('ticks and unticks one row, which becomes the anchor', () => {
    const one = toggleOne(EMPTY_SELECTION, 'b', true);
    expect(sorted(one)).toEqual(['b']);
    expect(one.anchor).toBe('b');
    const none = toggleOne(one, 'b', false);
    expect(sorted(none)).toEqual([]);
    expect(EMPTY_SELECTION.ids.size).toBe(0);
  });

  it('shift-click selects the range from the anchor, forwards and backwards', () => {
    const anchored = toggleOne(EMPTY_SELECTION, 'b', true);
    expect(sorted(selectRange(anchored, ids, 'e', true))).toEqual(['b', 'c', 'd', 'e']);
    const back = toggleOne(EMPTY_SELECTION, 'e', true);
    expect(sorted(selectRange(back, ids, 'c', true))).toEqual(['c', 'd', 'e']);
  });

  it('a second shift-click redraws from the same anchor; unticking a range clears it', () => {
    const anchored = toggleOne(EMPTY_SELECTION, 'c', true);
    const first = selectRange(anchored, ids, 'f', true);
    expect(first.anchor).toBe('c');
    const cleared = selectRange(first, ids, 'e', false);
    expect(sorted(cleared)).toEqual(['f']);
  });

  it('a range follows the current order of the list (after a sort), not the order ticked', () => {
    const reversed = [...ids].reverse();
    const anchored = toggleOne(EMPTY_SELECTION, 'e', true);
    expect(sorted(selectRange(anchored, reversed, 'c', true))).toEqual(['c', 'd', 'e']);
  });

  it('without an anchor in the list, shift-click ticks only that row', () => {
    expect(sorted(selectRange(EMPTY_SELECTION, ids, 'd', true))).toEqual(['d']);
    const gone = toggleOne(EMPTY_SELECTION, 'zz', true);
    expect(sorted(selectRange(gone, ids, 'b', true))).toEqual(['b', 'zz']);
  });

  it('select all takes every row of the list, rendered or not; keepOnly drops filtered rows', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => `k${i}`);
    const all = selectAll(many);
    expect(all.ids.size).toBe(10_000);
    expect(headerState(all, many)).toBe('all');
    const filtered = many.filter((id) => id.endsWith('7'));
    const kept = keepOnly(all, filtered);
    expect(kept.ids.size).toBe(1_000);
    expect([...kept.ids].every((id) => id.endsWith('7'))).toBe(true);
    // Nothing to drop: the same selection comes back (no re-render).
    expect(keepOnly(kept, filtered)).toBe(kept);
  });

  it('keepOnly forgets an anchor that left the list', () => {
    const s = toggleOne(toggleOne(EMPTY_SELECTION, 'a', true), 'b', true);
    expect(keepOnly(s, ['a', 'c']).anchor).toBeNull();
    expect(keepOnly(s, ['b', 'c']).anchor).toBe('b');
  });

  it('header state: none, some, all of the list', () => {
    expect(headerState(EMPTY_SELECTION, ids)).toBe('none');
    expect(headerState(toggleOne(EMPTY_SELECTION, 'a', true), ids)).toBe('some');
    expect(headerState(toggleOne(EMPTY_SELECTION, 'zz', true), ids)).toBe('none');
    expect(headerState(selectAll(ids), [])).toBe('none');
  });

  it('selected items come in list order', () => {
    const items = ids.map((identity) => ({ identity }));
    const s = toggleOne(toggleOne(EMPTY_SELECTION, 'e', true), 'b', true);
    expect(selectedItems(s, items).map((i) => i.identity)).toEqual(['b', 'e']);
  });
});
