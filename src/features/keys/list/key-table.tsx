import { useNavigate } from '@tanstack/react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import type { Key } from '@/contract';
import { Table, TableScroller } from '@/components/ui/table';
import { NARROW_VIEWPORT_QUERY, useMediaQuery } from '@/lib/use-media-query';
import { CARD_ROW_HEIGHT, HEAD_HEIGHT, KEY_COLUMNS, ROW_HEIGHT } from './key-columns';
import type { KeyActionId } from '../actions/key-action-table';
import { anchoredScrollTop } from './key-list-model';
import type { KeySortKey, SortDirection } from './key-list-search';
import { KeyRow } from './key-row';
import { KeyCardsHead, KeyTableHead } from './key-table-head';
import { HeaderCheckbox } from './select-cells';
import {
  EMPTY_SELECTION,
  headerState,
  selectAll,
  selectRange,
  toggleOne,
  type Selection,
} from './selection';
import styles from './key-list.module.css';

/** Remembers the last opened row per region, so coming back to the list keeps your place. */
const lastOpened = new Map<string, string>();

export interface KeyTableProps {
  region: string;
  keys: readonly Key[];
  sort: KeySortKey;
  dir: SortDirection;
  onSort: (column: KeySortKey) => void;
  /** Accessible name of the table. */
  label: string;
  now: Date;
  /** Identifies the sort and filters: a change of view (not of data) resets an unanchored scroll. */
  viewKey: string;
  /** The rows ticked for a bulk action. */
  selection: Selection;
  onSelectionChange: (selection: Selection) => void;
  /** A lifecycle action chosen in a row's menu. */
  onRowAction: (key: Key, action: KeyActionId) => void;
  /** The rows are only the first screen of a list still being validated. */
  isFirstScreen?: boolean;
}

/** Columns besides KEY_COLUMNS: the checkbox before them, the action menu after. */
const EXTRA_COLUMNS = 2;

/** The keys that open a row's action menu from the keyboard. */
function isMenuKey(e: KeyboardEvent): boolean {
  return e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey);
}

/**
 * The key table: a real <table> with sortable column headers, virtualized rows (only the rows
 * in view are in the DOM) and keyboard navigation (arrows, Home/End, Page Up/Down, Enter).
 * Filtering or sorting keeps the selected row where it was on screen. On phones each row is
 * one card (taller rows), with a sort field instead of column headers.
 */
export function KeyTable(props: KeyTableProps) {
  const { region, keys, sort, dir, onSort, label, now, viewKey, selection, isFirstScreen } = props;
  const navigate = useNavigate();
  const isCards = useMediaQuery(NARROW_VIEWPORT_QUERY);
  const rowHeight = isCards ? CARD_ROW_HEIGHT : ROW_HEIGHT;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [selectedId, setSelectedId] = useState<string | null>(() => lastOpened.get(region) ?? null);
  const pendingFocus = useRef<string | null>(null);
  const [menuFor, setMenuFor] = useState<string | null>(null);
  const orderedIds = useMemo(() => keys.map((k) => k.identity), [keys]);
  const header = useMemo(() => headerState(selection, orderedIds), [selection, orderedIds]);

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is built for this
  const virtualizer = useVirtualizer({
    count: keys.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    paddingStart: HEAD_HEIGHT,
    overscan: 8,
    getItemKey: (index) => keys[index]?.identity ?? index,
    initialRect: { width: 1200, height: 720 },
  });
  // The row height changes with the layout (table or cards): measure again.
  useLayoutEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);

  // Keep the selected row at the same place on screen when the rows change (filter or sort).
  // The scroll position is tracked as the user scrolls: by the time the effect runs, a shorter
  // list may already have made the browser clamp scrollTop.
  const previousKeys = useRef<readonly Key[] | null>(null);
  const previousView = useRef(viewKey);
  const lastScrollTop = useRef(0);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const prevKeys = previousKeys.current;
    previousKeys.current = keys;
    if (!el || !prevKeys || prevKeys === keys) return;
    const viewport = el.clientHeight - HEAD_HEIGHT;
    // Anchor on the selected row; without one (or when it is gone), on the first row in view,
    // so a background refresh never throws the reader back to the top.
    const find = (list: readonly Key[], id: string | null | undefined) =>
      id ? list.findIndex((k) => k.identity === id) : -1;
    const isNewView = previousView.current !== viewKey;
    previousView.current = viewKey;
    let oldIndex = find(prevKeys, selectedId);
    let newIndex = find(keys, selectedId);
    // A new sort or filter without a selected row starts at the top; fresh data for the same
    // view keeps the first row in view where it was.
    if ((oldIndex < 0 || newIndex < 0) && !isNewView) {
      oldIndex = Math.min(Math.floor(lastScrollTop.current / rowHeight), prevKeys.length - 1);
      newIndex = find(keys, prevKeys[oldIndex]?.identity);
    }
    const top =
      oldIndex >= 0 && newIndex >= 0
        ? anchoredScrollTop({
            newIndex,
            rowHeight,
            offsetInView: oldIndex * rowHeight - lastScrollTop.current,
            viewportHeight: viewport,
            totalRows: keys.length,
          })
        : 0;
    el.scrollTop = top;
    lastScrollTop.current = top;
  }, [keys, selectedId, viewKey, rowHeight]);

  // Coming back from a key: bring the row that was opened into view once.
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || !keys.length || isFirstScreen) return;
    restored.current = true;
    const id = lastOpened.get(region);
    const index = id ? keys.findIndex((k) => k.identity === id) : -1;
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' });
  }, [keys, region, virtualizer, isFirstScreen]);

  const items = virtualizer.getVirtualItems();
  const paddingTop = items.length ? items[0]!.start - HEAD_HEIGHT : 0;
  const paddingBottom = items.length
    ? virtualizer.getTotalSize() - items[items.length - 1]!.end
    : 0;

  const renderedIds = new Set(items.map((i) => keys[i.index]?.identity));
  const tabStopId =
    selectedId && renderedIds.has(selectedId)
      ? selectedId
      : (keys[items[0]?.index ?? 0]?.identity ?? null);

  // After keyboard moves, focus the row's link once it is rendered.
  useEffect(() => {
    const id = pendingFocus.current;
    if (!id) return;
    const link = scrollRef.current?.querySelector<HTMLElement>(
      `[data-key-link="${CSS.escape(id)}"]`,
    );
    if (link) {
      pendingFocus.current = null;
      link.focus({ preventScroll: true });
    }
  });

  const open = useCallback(
    (key: Key) => {
      lastOpened.set(region, key.identity);
      void navigate({
        to: '/regions/$region/keys/$keyId',
        params: { region, keyId: key.identity },
      });
    },
    [navigate, region],
  );

  const moveTo = (index: number) => {
    const key = keys[Math.min(Math.max(index, 0), keys.length - 1)];
    if (!key) return;
    const i = keys.indexOf(key);
    setSelectedId(key.identity);
    pendingFocus.current = key.identity;
    virtualizer.scrollToIndex(i, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    // Keys pressed in a row's menu or dialog (portals) bubble here through React: not ours.
    if (!(e.target instanceof Node) || !e.currentTarget.contains(e.target)) return;
    if (isMenuKey(e)) {
      const row = e.target instanceof Element ? e.target.closest('[data-key-row]') : null;
      const id = row?.getAttribute('data-key-row');
      if (id) {
        e.preventDefault();
        setMenuFor(id);
      }
      return;
    }
    const current = selectedId ? keys.findIndex((k) => k.identity === selectedId) : -1;
    const page = Math.max(
      Math.floor(((scrollRef.current?.clientHeight ?? 600) - HEAD_HEIGHT) / rowHeight) - 1,
      1,
    );
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + page,
      PageUp: current - page,
      Home: 0,
      End: keys.length - 1,
    };
    const target = moves[e.key];
    if (target === undefined || e.altKey || e.metaKey || e.ctrlKey) return;
    e.preventDefault();
    moveTo(target);
  };

  const onRowClick = (e: MouseEvent<HTMLTableRowElement>, key: Key) => {
    // Clicks in a row's menu or dialog (portals) bubble here through React: not ours.
    if (!(e.target instanceof Node) || !e.currentTarget.contains(e.target)) return;
    setSelectedId(key.identity);
    if (e.target instanceof Element && e.target.closest('a, button, input, label')) {
      if (e.target.closest('a')) lastOpened.set(region, key.identity);
      return;
    }
    if (window.getSelection()?.toString()) return; // selecting text, not opening
    open(key);
  };

  const onCheck = (key: Key, isChecked: boolean, isRange: boolean) =>
    props.onSelectionChange(
      isRange
        ? selectRange(selection, orderedIds, key.identity, isChecked)
        : toggleOne(selection, key.identity, isChecked),
    );
  const selectHead = (
    <HeaderCheckbox
      state={header}
      count={keys.length}
      onChange={(all) => props.onSelectionChange(all ? selectAll(orderedIds) : EMPTY_SELECTION)}
    />
  );
  const colSpan = isCards ? 1 : KEY_COLUMNS.length + EXTRA_COLUMNS;

  return (
    <TableScroller
      className={styles.scroller}
      ref={scrollRef}
      data-testid="key-table-scroller"
      onScroll={(e) => {
        lastScrollTop.current = e.currentTarget.scrollTop;
      }}
    >
      <Table
        className={styles.table}
        aria-label={label}
        aria-rowcount={keys.length + 1}
        data-layout={isCards ? 'cards' : 'table'}
      >
        {isCards ? (
          <KeyCardsHead sort={sort} dir={dir} onSort={onSort} selectHead={selectHead} />
        ) : (
          <KeyTableHead sort={sort} dir={dir} onSort={onSort} selectHead={selectHead} />
        )}
        <tbody onKeyDown={onKeyDown}>
          {paddingTop > 0 ? (
            <tr aria-hidden className={styles.spacer} style={{ height: paddingTop }}>
              <td colSpan={colSpan} />
            </tr>
          ) : null}
          {items.map((item) => {
            const key = keys[item.index];
            if (!key) return null;
            return (
              <KeyRow
                key={key.identity}
                keyData={key}
                region={region}
                index={item.index}
                height={rowHeight}
                isCards={isCards}
                isSelected={key.identity === selectedId}
                isChecked={selection.ids.has(key.identity)}
                isTabStop={key.identity === tabStopId}
                isMenuOpen={menuFor === key.identity}
                now={now}
                onClick={onRowClick}
                onFocus={(k) => setSelectedId(k.identity)}
                onCheck={onCheck}
                onMenuOpenChange={(k, isOpen) => setMenuFor(isOpen ? k.identity : null)}
                onAction={props.onRowAction}
              />
            );
          })}
          {paddingBottom > 0 ? (
            <tr aria-hidden className={styles.spacer} style={{ height: paddingBottom }}>
              <td colSpan={colSpan} />
            </tr>
          ) : null}
        </tbody>
      </Table>
    </TableScroller>
  );
}
