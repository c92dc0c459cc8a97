import { ArrowDown, ArrowUp, ChevronsUpDown } from 'lucide-react';
import type { ReactNode } from 'react';
import { HEAD_HEIGHT, KEY_COLUMNS } from './key-columns';
import type { KeySortKey, SortDirection } from './key-list-search';
import styles from './key-list.module.css';

interface HeadProps {
  sort: KeySortKey;
  dir: SortDirection;
  onSort: (column: KeySortKey) => void;
  /** The select-all checkbox, first in the header row. */
  selectHead: ReactNode;
}

/** The table's header row: one sort button per column (the same column again flips the order). */
export function KeyTableHead({ sort, dir, onSort, selectHead }: HeadProps) {
  return (
    <thead>
      <tr aria-rowindex={1}>
        <th scope="col" data-col="select" style={{ height: HEAD_HEIGHT }}>
          {selectHead}
        </th>
        {KEY_COLUMNS.map((c) => {
          const isSorted = sort === c.id;
          const ariaSort = isSorted ? (dir === 'asc' ? 'ascending' : 'descending') : 'none';
          const Icon = !isSorted ? ChevronsUpDown : dir === 'asc' ? ArrowUp : ArrowDown;
          return (
            <th
              key={c.id}
              scope="col"
              data-col={c.id}
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
        <th scope="col" data-col="actions" style={{ height: HEAD_HEIGHT }}>
          <span className="visually-hidden">Actions</span>
        </th>
      </tr>
    </thead>
  );
}

/**
 * The card list's header row (phones): one column of cards, so the sort is a choice of field
 * and a direction button instead of one button per column.
 */
export function KeyCardsHead({ sort, dir, onSort, selectHead }: HeadProps) {
  const current = KEY_COLUMNS.find((c) => c.id === sort);
  const DirIcon = dir === 'asc' ? ArrowUp : ArrowDown;
  const dirWord = dir === 'asc' ? 'ascending' : 'descending';
  return (
    <thead>
      <tr aria-rowindex={1}>
        <th scope="col" data-col="card" style={{ height: HEAD_HEIGHT }}>
          <div className={styles.cardSort}>
            {selectHead}
            <label htmlFor="key-card-sort">Sort by</label>
            <select
              id="key-card-sort"
              className={styles.cardSortSelect}
              value={sort}
              onChange={(e) => {
                const next = KEY_COLUMNS.find((c) => c.id === e.target.value);
                if (next) onSort(next.id);
              }}
            >
              {KEY_COLUMNS.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title ?? c.label}
                </option>
              ))}
            </select>
            <button
              type="button"
              className={`${styles.sortButton} ${styles.sorted}`}
              onClick={() => onSort(sort)}
              aria-label={`Reverse the order (now ${dirWord})`}
              title={`Sorted by ${(current?.title ?? current?.label ?? sort).toLowerCase()}, ${dirWord}`}
            >
              <DirIcon size={13} aria-hidden className={styles.sortIcon} />
              <span className={styles.cardSortDir}>{dirWord}</span>
            </button>
          </div>
        </th>
      </tr>
    </thead>
  );
}
