import { ChevronLeft, ChevronRight, RefreshCw, Sparkles } from 'lucide-react';
import { AUDIT_DEFAULT_LIMIT, type AuditQueryInput } from '@/contract';
import { Button } from '@/components/ui/button';
import { TableFrame } from '@/components/ui/table';
import { pluralize } from '@/lib/format';
import { useAuditNewer, useAuditPage } from './api';
import { pageQuery, type AuditFilterQuery } from './audit-query';
import { AuditError, NoEvents, NoMatchingEvents, PastTheEnd } from './audit-states';
import { AuditTable, AuditTableSkeleton } from './audit-table';
import { ExportButton } from './export-dialog';
import { useServerNow } from '@/lib/use-server-now';
import styles from './audit.module.css';

export interface AuditEventsProps {
  /** The view's filters, ending at its snapshot `at`. */
  filters: AuditFilterQuery;
  at: string;
  /** The same filters after the snapshot (counted, not shown), or null. */
  newer: AuditQueryInput | null;
  page: number;
  onPageChange: (page: number) => void;
  /** Moves the snapshot to now and shows the first page. */
  onShowNewer: () => void;
  isFiltered: boolean;
  onClearFilters?: () => void;
  /** Accessible name of the table. */
  label: string;
  /** Used in the empty state: "the keys of this organisation", "this key". */
  subject: string;
  showKey?: boolean;
}

/**
 * A paged view of the audit log pinned to a snapshot: the rows never jump while new events
 * arrive; a count of newer events offers to show them instead.
 */
export function AuditEvents(props: AuditEventsProps) {
  const { filters, at, newer, page, onPageChange, showKey = true } = props;
  const now = useServerNow(60_000);
  const query = useAuditPage(pageQuery(filters, page));
  const newerCount = useAuditNewer(newer);
  const data = query.data;
  const total = data?.totalItems ?? 0;
  const lastPage = Math.max(data?.totalPages ?? 1, 1);
  const refresh = () => {
    void query.refetch();
    if (newer) void newerCount.refetch();
  };
  const fresh = newer ? (newerCount.data ?? 0) : 0;

  let body;
  if (query.isPending) body = <AuditTableSkeleton showKey={showKey} />;
  else if (query.isError && !data)
    body = <AuditError error={query.error} onRetry={() => void query.refetch()} />;
  else if (!data || data.totalItems === 0)
    body = props.isFiltered ? (
      <NoMatchingEvents onClear={props.onClearFilters} />
    ) : (
      <NoEvents subject={props.subject} />
    );
  else if (data.items.length === 0)
    body = <PastTheEnd page={page} lastPage={lastPage} onGo={onPageChange} />;
  else
    body = (
      <TableFrame aria-busy={query.isFetching}>
        <AuditTable
          events={data.items}
          label={props.label}
          firstIndex={(page - 1) * AUDIT_DEFAULT_LIMIT}
          total={total}
          showKey={showKey}
          now={now}
        />
      </TableFrame>
    );

  const first = (page - 1) * AUDIT_DEFAULT_LIMIT + 1;
  const last = first - 1 + (data?.items.length ?? 0);
  return (
    <div className={styles.stack}>
      <div className={styles.toolbar}>
        <span className={styles.count} role="status" aria-live="polite">
          {data && data.items.length > 0
            ? `${first.toLocaleString('en')}–${last.toLocaleString('en')} of ${pluralize(total, 'event')}`
            : data
              ? pluralize(total, 'event')
              : ''}
        </span>
        {fresh > 0 ? (
          <button type="button" className={styles.newEvents} onClick={props.onShowNewer}>
            <Sparkles size={14} aria-hidden />
            {pluralize(fresh, 'new event')}: show
          </button>
        ) : null}
        <span className={styles.spacer} />
        <Button
          variant="secondary"
          onClick={refresh}
          disabled={query.isFetching}
          aria-label={query.isFetching ? 'Refreshing events' : 'Refresh events'}
        >
          <RefreshCw size={14} aria-hidden className={query.isFetching ? 'spin' : undefined} />
          Refresh
        </Button>
        <ExportButton filters={filters} at={at} total={total} />
      </div>
      {query.isError && data ? (
        <div className={styles.notice} role="alert">
          <span className={styles.noticeText}>
            Could not refresh: {query.error.message}. Showing the events as last loaded.
          </span>
        </div>
      ) : null}
      {body}
      {data && data.items.length > 0 && lastPage > 1 ? (
        <Pager page={page} lastPage={lastPage} onPageChange={onPageChange} />
      ) : null}
    </div>
  );
}

function Pager({
  page,
  lastPage,
  onPageChange,
}: {
  page: number;
  lastPage: number;
  onPageChange: (page: number) => void;
}) {
  return (
    <nav className={styles.pager} aria-label="Pages">
      <span className={styles.count}>
        Page {page.toLocaleString('en')} of {lastPage.toLocaleString('en')}
      </span>
      <div className={styles.pagerButtons}>
        <Button size="small" onClick={() => onPageChange(1)} disabled={page <= 1}>
          Newest
        </Button>
        <Button size="small" onClick={() => onPageChange(page - 1)} disabled={page <= 1}>
          <ChevronLeft size={14} aria-hidden /> Newer
        </Button>
        <Button size="small" onClick={() => onPageChange(page + 1)} disabled={page >= lastPage}>
          Older <ChevronRight size={14} aria-hidden />
        </Button>
        <Button size="small" onClick={() => onPageChange(lastPage)} disabled={page >= lastPage}>
          Oldest
        </Button>
      </div>
    </nav>
  );
}
