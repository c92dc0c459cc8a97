import type { KeySortKey } from './key-list-search';

/** Row heights of the virtualized key list: table rows, and the taller cards on phones. */
export const ROW_HEIGHT = 56;
export const CARD_ROW_HEIGHT = 76;
export const HEAD_HEIGHT = 40;

export interface KeyColumn {
  id: KeySortKey;
  label: string;
  /** Longer name for the sort button's accessible name, when the label is short. */
  title?: string;
  isNumeric?: boolean;
}

/**
 * The table's columns, in order. Widths, and which columns give way first on narrower screens,
 * are in key-list.module.css (by `data-col`).
 */
export const KEY_COLUMNS: readonly KeyColumn[] = [
  { id: 'name', label: 'Name' },
  { id: 'identity', label: 'Identity' },
  { id: 'type', label: 'Type' },
  { id: 'status', label: 'Status' },
  { id: 'rotation', label: 'Rotation' },
  { id: 'latestVersion', label: 'Latest', title: 'Latest version', isNumeric: true },
  {
    id: 'minDecryptionVersion',
    label: 'Min. decrypt',
    title: 'Minimum decryption version',
    isNumeric: true,
  },
  { id: 'labels', label: 'Labels' },
  { id: 'created', label: 'Created' },
];
