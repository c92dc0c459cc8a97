import { ChevronDown } from 'lucide-react';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Menu, MenuContent, MenuItem, MenuTrigger } from '@/components/ui/dropdown-menu';
import { LinkButton } from '@/components/ui/link-button';
import type { Key } from '@/contract';
import {
  countKeys,
  KEY_ACTION_IDS,
  KEY_ACTIONS,
  planBulk,
  type KeyActionId,
} from './key-action-table';
import styles from './actions.module.css';

// The bulk dialog (runner, progress, results) loads when an action is first chosen.
const BulkActionDialog = lazy(() =>
  import('./bulk-dialog').then((m) => ({ default: m.BulkActionDialog })),
);

/**
 * Shown while keys are ticked: how many, "select all N matching" (rows the virtual list has not
 * rendered included), clear, and the actions with how many of the selected keys each applies to.
 */
export function BulkBar({
  region,
  matching,
  selected,
  onSelectAll,
  onSelect,
}: {
  region: string;
  /** Every key the filter matches, in list order. */
  matching: readonly Key[];
  /** The ticked keys among them, in list order. */
  selected: readonly Key[];
  onSelectAll: () => void;
  /** Replaces the selection (empty to clear). */
  onSelect: (identities: string[]) => void;
}) {
  const [running, setRunning] = useState<{ id: KeyActionId; keys: readonly Key[] } | null>(null);
  const applicable = useMemo(
    () =>
      KEY_ACTION_IDS.map((id) => ({
        action: KEY_ACTIONS[id],
        count: planBulk(KEY_ACTIONS[id], selected).targets.length,
      })),
    [selected],
  );
  if (selected.length === 0 && !running) return null;
  const isAll = selected.length === matching.length;
  return (
    <div className={styles.bulkBar} role="toolbar" aria-label="Selected keys">
      <strong className={styles.bulkCount}>{countKeys(selected.length)} selected</strong>
      {isAll ? (
        <span className={styles.bulkAll}>All keys matching the filter</span>
      ) : (
        <LinkButton onClick={onSelectAll}>
          Select all {countKeys(matching.length)} matching
        </LinkButton>
      )}
      <LinkButton onClick={() => onSelect([])}>Clear selection</LinkButton>
      <span className={styles.spacer} />
      <Menu>
        <MenuTrigger asChild>
          <Button variant="primary" size="small">
            Actions <ChevronDown size={14} aria-hidden />
          </Button>
        </MenuTrigger>
        <MenuContent align="end">
          {applicable.map(({ action, count }) => (
            <MenuItem
              key={action.id}
              disabled={count === 0}
              hint={count.toLocaleString('en')}
              onSelect={() => setRunning({ id: action.id, keys: selected })}
            >
              {action.label}
            </MenuItem>
          ))}
        </MenuContent>
      </Menu>
      {running ? (
        <Suspense fallback={null}>
          <BulkActionDialog
            action={KEY_ACTIONS[running.id]}
            region={region}
            keys={running.keys}
            onClose={(leftOver) => {
              setRunning(null);
              if (leftOver) onSelect(leftOver);
            }}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
