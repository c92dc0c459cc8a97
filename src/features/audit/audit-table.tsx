import type { AuditLog } from '@/contract';
import { Table, TableScroller, TableSkeleton } from '@/components/ui/table';
import { ActionCell, CallerCell, KeyCell, OutcomeCell, TimeCell, VersionCell } from './audit-cells';
import styles from './audit.module.css';

const COLUMNS = ['Time', 'Action', 'Key', 'Region', 'Version', 'Caller', 'Outcome'] as const;

function columnsOf(showKey: boolean) {
  return COLUMNS.filter((c) => showKey || c !== 'Key');
}

/**
 * A page of audit events as a real table. Rows carry their position in the whole view
 * (`aria-rowindex`), so a screen reader hears "row 51 of 100,001" on page 2.
 */
export function AuditTable({
  events,
  label,
  firstIndex,
  total,
  showKey = true,
  now,
}: {
  events: readonly AuditLog[];
  label: string;
  /** 0-based position of the first row in the whole view. */
  firstIndex: number;
  total: number;
  showKey?: boolean;
  now: Date;
}) {
  return (
    <TableScroller tabIndex={0} role="region" aria-label={`${label}, scrollable`}>
      <Table className={styles.table} aria-label={label} aria-rowcount={total + 1}>
        <thead>
          <tr aria-rowindex={1}>
            {columnsOf(showKey).map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {events.map((e, i) => (
            <tr
              key={e.eventID}
              aria-rowindex={firstIndex + i + 2}
              data-event-id={e.eventID}
              className={e.context.outcome === 'failure' ? styles.failedRow : undefined}
            >
              <td>
                <TimeCell event={e} now={now} />
              </td>
              <td>
                <ActionCell event={e} />
              </td>
              {showKey ? (
                <td>
                  <KeyCell event={e} />
                </td>
              ) : null}
              <td>
                <span className={styles.mono}>{e.context.region}</span>
              </td>
              <td>
                <VersionCell event={e} />
              </td>
              <td>
                <CallerCell event={e} />
              </td>
              <td>
                <OutcomeCell event={e} />
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </TableScroller>
  );
}

/** Table-shaped placeholder while a page loads. */
export function AuditTableSkeleton({ showKey = true }: { showKey?: boolean }) {
  return (
    <TableSkeleton
      label="Loading events…"
      columns={columnsOf(showKey).map((c) => ({ id: c, label: c }))}
      rows={8}
      classNames={{ table: styles.table, row: styles.skeletonRow }}
    />
  );
}
