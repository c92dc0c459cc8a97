import type { MouseEvent } from 'react';
import type { Key } from '@/contract';
import { RowMenu } from '../actions/row-menu';
import type { KeyActionId } from '../actions/key-action-table';
import { KeyCard, KeyCells } from './key-cells';
import { RowCheckbox } from './select-cells';
import styles from './key-list.module.css';

export interface KeyRowProps {
  keyData: Key;
  region: string;
  index: number;
  height: number;
  isCards: boolean;
  isSelected: boolean;
  isChecked: boolean;
  isTabStop: boolean;
  isMenuOpen: boolean;
  now: Date;
  onClick: (e: MouseEvent<HTMLTableRowElement>, key: Key) => void;
  onFocus: (key: Key) => void;
  onCheck: (key: Key, isChecked: boolean, isRange: boolean) => void;
  onMenuOpenChange: (key: Key, isOpen: boolean) => void;
  onAction: (key: Key, action: KeyActionId) => void;
}

/**
 * One key of the list: its checkbox, its cells (or card on phones) and its action menu. The
 * row carries its identity, so the menu key or Shift+F10 anywhere in it opens its menu.
 */
export function KeyRow(props: KeyRowProps) {
  const { keyData: key, region, isCards, isTabStop, now } = props;
  const tabIndex = isTabStop ? 0 : -1;
  const checkbox = (
    <RowCheckbox
      name={key.name}
      isChecked={props.isChecked}
      tabIndex={tabIndex}
      onToggle={(isChecked, isRange) => props.onCheck(key, isChecked, isRange)}
    />
  );
  const menu = (
    <RowMenu
      kmsKey={key}
      region={region}
      isOpen={props.isMenuOpen}
      onOpenChange={(isOpen) => props.onMenuOpenChange(key, isOpen)}
      onAction={(action) => props.onAction(key, action)}
      tabIndex={tabIndex}
    />
  );
  return (
    <tr
      aria-rowindex={props.index + 2}
      data-key-row={key.identity}
      data-selected={props.isSelected || undefined}
      data-checked={props.isChecked || undefined}
      className={`${styles.row} ${props.isSelected ? styles.selected : ''}`}
      style={{ height: props.height }}
      onClick={(e) => props.onClick(e, key)}
      onFocus={() => props.onFocus(key)}
    >
      {isCards ? (
        <td data-col="card">
          <div className={styles.cardRow}>
            {checkbox}
            <KeyCard keyData={key} region={region} isTabStop={isTabStop} now={now} />
            {menu}
          </div>
        </td>
      ) : (
        <>
          <td data-col="select">{checkbox}</td>
          <KeyCells keyData={key} region={region} isTabStop={isTabStop} now={now} />
          <td data-col="actions">{menu}</td>
        </>
      )}
    </tr>
  );
}
