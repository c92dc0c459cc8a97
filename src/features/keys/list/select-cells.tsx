import { useEffect, useRef } from 'react';
import type { HeaderState } from './selection';
import styles from './key-list.module.css';

/** A row's checkbox; Shift+click ticks or unticks the range from the last row ticked. */
export function RowCheckbox({
  name,
  isChecked,
  tabIndex,
  onToggle,
}: {
  name: string;
  isChecked: boolean;
  tabIndex: number;
  onToggle: (isChecked: boolean, isRange: boolean) => void;
}) {
  return (
    <label className={styles.selectHit} title="Select (Shift+click for a range)">
      <input
        type="checkbox"
        className={styles.checkbox}
        checked={isChecked}
        tabIndex={tabIndex}
        aria-label={`Select ${name}`}
        onChange={(e) => {
          const native = e.nativeEvent;
          onToggle(e.target.checked, native instanceof MouseEvent && native.shiftKey);
        }}
      />
    </label>
  );
}

/** Selects every key the filter matches (rendered or not), or clears the selection. */
export function HeaderCheckbox({
  state,
  count,
  onChange,
}: {
  state: HeaderState;
  count: number;
  onChange: (selectAll: boolean) => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state === 'some';
  }, [state]);
  const label =
    state === 'all'
      ? 'Clear the selection'
      : `Select all ${count.toLocaleString('en')} ${count === 1 ? 'key' : 'keys'} in the list`;
  return (
    <label className={styles.selectHit} title={label}>
      <input
        ref={ref}
        type="checkbox"
        className={styles.checkbox}
        checked={state === 'all'}
        aria-label={label}
        onChange={() => onChange(state !== 'all')}
      />
    </label>
  );
}
