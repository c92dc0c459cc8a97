import { useNavigate } from '@tanstack/react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDown, ArrowUp, ChevronsUpDown } from 'lucide-react';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import type { Key } from '@/contract';
import { CopyButton } from '@/components/ui/copy-button';
import { CreatedCell, LabelsCell, NameCell, RotationCell, StatusCell, TypeCell } from './key-cells';
import { anchoredScrollTop } from './key-list-model';
import type { KeySortKey, SortDirection } from './key-list-search';
import styles from './key-list.module.css';

export const ROW_HEIGHT = 56;
export const HEAD_HEIGHT = 40;

interface Column {
  id: KeySortKey;
  label: string;
  /** Longer name for the sort button's accessible name, when the label is short. */
  title?: string;
  width: string;
  isNumeric?: boolean;
}

export const KEY_COLUMNS: readonly Column[] = [
  { id: 'name', label: 'Name', width: '17.5%' },
  { id: 'identity', label: 'Identity', width: '15%' },
  { id: 'type', label: 'Type', width: '11%' },
  { id: 'status', label: 'Status', width: '11%' },
  { id: 'rotation', label: 'Rotation', width: '11%' },
  { id: 'latestVersion', label: 'Latest', title: 'Latest version', width: '7%', isNumeric: true },
  {
    id: 'minDecryptionVersion',
    label: 'Min. decrypt',
    title: 'Minimum decryption version',
    width: '9%',
    isNumeric: true,
  },
  { id: 'labels', label: 'Labels', width: '9.5%' },
  { id: 'created', label: 'Created', width: '9%' },
];

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
}

/**
 * The key table: a real <table> with sortable column headers, virtualized rows (only the rows
 * in view are in the DOM) and keyboard navigation (arrows, Home/End, Page Up/Down, Enter).
 * Filtering or sorting keeps the selected row where it was on screen.
 */
export function KeyTable({ region, keys, sort, dir, onSort, label, now, viewKey }: KeyTableProps) {
  const navigate = useNavigate();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [selectedId, setSelectedId] = useState<string | null>(() => lastOpened.get(region) ?? null);
  const pendingFocus = useRef<string | null>(null);

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is built for this
  const virtualizer = useVirtualizer({
    count: keys.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    paddingStart: HEAD_HEIGHT,
    overscan: 8,
    getItemKey: (index) => keys[index]?.identity ?? index,
    initialRect: { width: 1200, height: 720 },
  });

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
      oldIndex = Math.min(Math.floor(lastScrollTop.current / ROW_HEIGHT), prevKeys.length - 1);
      newIndex = find(keys, prevKeys[oldIndex]?.identity);
    }
    const top =
      oldIndex >= 0 && newIndex >= 0
        ? anchoredScrollTop({
            newIndex,
            rowHeight: ROW_HEIGHT,
            offsetInView: oldIndex * ROW_HEIGHT - lastScrollTop.current,
            viewportHeight: viewport,
            totalRows: keys.length,
          })
        : 0;
    el.scrollTop = top;
    lastScrollTop.current = top;
  }, [keys, selectedId, viewKey]);

  // Coming back from a key: bring the row that was opened into view once.
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || !keys.length) return;
    restored.current = true;
    const id = lastOpened.get(region);
    const index = id ? keys.findIndex((k) => k.identity === id) : -1;
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' });
  }, [keys, region, virtualizer]);

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
    const current = selectedId ? keys.findIndex((k) => k.identity === selectedId) : -1;
    const page = Math.max(
      Math.floor(((scrollRef.current?.clientHeight ?? 600) - HEAD_HEIGHT) / ROW_HEIGHT) - 1,
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
    setSelectedId(key.identity);
    if (e.target instanceof Element && e.target.closest('a, button')) {
      if (e.target.closest('a')) lastOpened.set(region, key.identity);
      return;
    }
    if (window.getSelection()?.toString()) return; // selecting text, not opening
    open(key);
  };

  return (
    <div
      className={styles.scroller}
      ref={scrollRef}
      data-testid="key-table-scroller"
      onScroll={(e) => {
        lastScrollTop.current = e.currentTarget.scrollTop;
      }}
    >
      <table className={styles.table} aria-label={label} aria-rowcount={keys.length + 1}>
        <colgroup>
          {KEY_COLUMNS.map((c) => (
            <col key={c.id} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {KEY_COLUMNS.map((c) => {
              const isSorted = sort === c.id;
              const ariaSort = isSorted ? (dir === 'asc' ? 'ascending' : 'descending') : 'none';
              const Icon = !isSorted ? ChevronsUpDown : dir === 'asc' ? ArrowUp : ArrowDown;
              return (
                <th
                  key={c.id}
                  scope="col"
                  aria-sort={ariaSort}
                  className={c.isNumeric ? styles.numeric : undefined}
                  style={{ height: HEAD_HEIGHT }}
                >
                  <button
                    type="button"
                    className={`${styles.sortButton} ${isSorted ? styles.sorted : ''}`}
                    onClick={() => onSort(c.id)}
                    title={`Sort by ${(c.title ?? c.label).toLowerCase()}`}
                  >
                    <span>{c.label}</span>
                    {c.title ? <span className="visually-hidden">({c.title})</span> : null}
                    <Icon size={13} aria-hidden className={styles.sortIcon} />
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {paddingTop > 0 ? (
            <tr aria-hidden className={styles.spacer} style={{ height: paddingTop }}>
              <td colSpan={KEY_COLUMNS.length} />
            </tr>
          ) : null}
          {items.map((item) => {
            const key = keys[item.index];
            if (!key) return null;
            const isSelected = key.identity === selectedId;
            return (
              <tr
                key={key.identity}
                aria-rowindex={item.index + 2}
                data-selected={isSelected || undefined}
                className={`${styles.row} ${isSelected ? styles.selected : ''}`}
                style={{ height: ROW_HEIGHT }}
                onClick={(e) => onRowClick(e, key)}
                onFocus={() => setSelectedId(key.identity)}
              >
                <td>
                  <NameCell keyData={key} region={region} isTabStop={key.identity === tabStopId} />
                </td>
                <td>
                  <div className={styles.identityCell}>
                    <span className={`${styles.ellipsis} mono`}>{key.identity}</span>
                    <CopyButton
                      value={key.identity}
                      label={`identity of ${key.name}`}
                      tabIndex={key.identity === tabStopId ? 0 : -1}
                    />
                  </div>
                </td>
                <td>
                  <TypeCell keyData={key} />
                </td>
                <td>
                  <StatusCell keyData={key} now={now} />
                </td>
                <td>
                  <RotationCell keyData={key} />
                </td>
                <td className={styles.numeric}>
                  <span className="mono">v{key.latestVersion}</span>
                </td>
                <td className={styles.numeric}>
                  <span className="mono">v{key.minDecryptionVersion}</span>
                </td>
                <td>
                  <LabelsCell labels={key.labels} />
                </td>
                <td>
                  <CreatedCell createdAt={key.createdAt} now={now} />
                </td>
              </tr>
            );
          })}
          {paddingBottom > 0 ? (
            <tr aria-hidden className={styles.spacer} style={{ height: paddingBottom }}>
              <td colSpan={KEY_COLUMNS.length} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
