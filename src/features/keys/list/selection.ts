/**
 * Which keys of the list are selected for a bulk action: a set of identities and the anchor of
 * the next shift-click range. Pure and immutable: every change returns a new selection, and a
 * change that changes nothing returns the same one.
 */
export interface Selection {
  readonly ids: ReadonlySet<string>;
  /** The last row ticked or unticked without Shift: where a shift-click range starts. */
  readonly anchor: string | null;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null };

/** Ticks or unticks one row, which becomes the anchor of the next range. */
export function toggleOne(selection: Selection, id: string, isChecked: boolean): Selection {
  const ids = new Set(selection.ids);
  if (isChecked) ids.add(id);
  else ids.delete(id);
  return { ids, anchor: id };
}

/**
 * Shift-click: every row from the anchor to `id` (in the list's current order, either
 * direction) takes `isChecked`. Without an anchor in the list, only `id` changes. The anchor
 * stays, so a second shift-click redraws the range from the same start.
 */
export function selectRange(
  selection: Selection,
  orderedIds: readonly string[],
  id: string,
  isChecked: boolean,
): Selection {
  const to = orderedIds.indexOf(id);
  const from = selection.anchor === null ? -1 : orderedIds.indexOf(selection.anchor);
  if (to < 0) return selection;
  if (from < 0) return toggleOne(selection, id, isChecked);
  const ids = new Set(selection.ids);
  const [start, end] = from <= to ? [from, to] : [to, from];
  for (let i = start; i <= end; i++) {
    const each = orderedIds[i] as string;
    if (isChecked) ids.add(each);
    else ids.delete(each);
  }
  return { ids, anchor: selection.anchor };
}

/** Every row of the list, rendered or not. */
export function selectAll(orderedIds: readonly string[]): Selection {
  return { ids: new Set(orderedIds), anchor: null };
}

/**
 * Drops what is no longer in the list (filtered away, or gone after a refresh): a bulk action
 * only ever acts on rows the person can see in the list.
 */
export function keepOnly(selection: Selection, orderedIds: readonly string[]): Selection {
  if (selection.ids.size === 0) return selection;
  const present = new Set<string>();
  for (const id of orderedIds) if (selection.ids.has(id)) present.add(id);
  if (present.size === selection.ids.size) return selection;
  const anchor =
    selection.anchor !== null && present.has(selection.anchor) ? selection.anchor : null;
  return { ids: present, anchor };
}

export type HeaderState = 'none' | 'some' | 'all';

/** The header checkbox: nothing, some or every row of the list selected. */
export function headerState(selection: Selection, orderedIds: readonly string[]): HeaderState {
  if (selection.ids.size === 0 || orderedIds.length === 0) return 'none';
  let count = 0;
  for (const id of orderedIds) if (selection.ids.has(id)) count += 1;
  if (count === 0) return 'none';
  return count === orderedIds.length ? 'all' : 'some';
}

/** The selected items, in list order. */
export function selectedItems<T extends { identity: string }>(
  selection: Selection,
  items: readonly T[],
): T[] {
  if (selection.ids.size === 0) return [];
  return items.filter((item) => selection.ids.has(item.identity));
}
