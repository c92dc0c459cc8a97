import { Lock } from 'lucide-react';
import type { ReactNode } from 'react';
import { Tooltip } from '@/components/ui/tooltip';
import shared from './detail-shared.module.css';
import styles from './detail-list.module.css';

export const FIXED_REASON = 'Set at creation; create a new key to change it.';

export interface DetailRow {
  label: string;
  value: ReactNode;
  /** Fixed at creation: marked with a lock and the reason. */
  isFixed?: boolean;
}

/** A two-column description list; fixed fields carry a lock that says why. */
export function DetailList({ rows }: { rows: DetailRow[] }) {
  return (
    <dl className={styles.dl}>
      {rows.map((row) => (
        <div key={row.label} className={styles.dlRow}>
          <dt className={styles.dt}>
            {row.label}
            {row.isFixed ? <FixedMark /> : null}
          </dt>
          <dd className={styles.dd}>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function FixedMark() {
  return (
    <Tooltip content={FIXED_REASON}>
      <span
        className={styles.fixedMark}
        tabIndex={0}
        role="img"
        aria-label={`Fixed: ${FIXED_REASON}`}
      >
        <Lock size={12} aria-hidden />
      </span>
    </Tooltip>
  );
}

export function Muted({ children }: { children: ReactNode }) {
  return <span className={shared.muted}>{children}</span>;
}

/** String maps (labels, annotations) rendered as text, never as markup. */
export function StringMap({
  map,
  empty,
}: {
  map: Record<string, string> | undefined;
  empty: string;
}) {
  const entries = Object.entries(map ?? {});
  if (entries.length === 0) return <Muted>{empty}</Muted>;
  return (
    <ul className={shared.chipList}>
      {entries.map(([k, v]) => (
        <li key={k} className={styles.mapItem}>
          <code className={styles.mapKey}>{k}</code>
          <span className={styles.mapEq}>=</span>
          <code className={styles.mapValue}>{v === '' ? '""' : v}</code>
        </li>
      ))}
    </ul>
  );
}
