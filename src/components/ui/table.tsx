import { forwardRef, type HTMLAttributes, type ReactNode, type TableHTMLAttributes } from 'react';
import { cx } from './class-names';
import { Skeleton } from './skeleton';
import styles from './table.module.css';

/** The table's frame: border, shadow, and its rows dimmed while `aria-busy`. */
export function TableFrame({ className, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cx(styles.frame, className)} {...rest} />;
}

/** Scrolls the table inside the frame (wide tables sideways). */
export const TableScroller = forwardRef<HTMLDivElement, HTMLAttributes<HTMLDivElement>>(
  function TableScroller({ className, ...rest }, ref) {
    return <div ref={ref} className={cx(styles.scroller, className)} {...rest} />;
  },
);

/** A data table: header cells and row borders; the feature adds column widths and paddings. */
export function Table({ className, ...rest }: TableHTMLAttributes<HTMLTableElement>) {
  return <table className={cx(styles.table, className)} {...rest} />;
}

export interface TableSkeletonProps {
  /** Announced while it shows, e.g. "Loading keys…". */
  label: string;
  /** `id` goes on each cell as `data-col` (so the table's column widths apply). */
  columns: readonly { id: string; label: ReactNode }[];
  rows: number;
  /** The live table's classes, so that the placeholder has its shape. */
  classNames?: { frame?: string; table?: string; row?: string };
}

/** A table-shaped placeholder with the live table's columns while its first page loads. */
export function TableSkeleton({ label, columns, rows, classNames = {} }: TableSkeletonProps) {
  return (
    <TableFrame className={classNames.frame} aria-busy="true">
      <span role="status" className="visually-hidden">
        {label}
      </span>
      <TableScroller>
        <Table className={classNames.table} aria-hidden>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.id} data-col={c.id}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, i) => (
              <tr key={i} className={classNames.row}>
                {columns.map((c, j) => (
                  <td key={c.id} data-col={c.id}>
                    <Skeleton width={j === 0 ? '70%' : `${50 + ((i * 7 + j * 13) % 40)}%`} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </Table>
      </TableScroller>
    </TableFrame>
  );
}
