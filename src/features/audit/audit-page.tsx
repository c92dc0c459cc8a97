import { AlertTriangle } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { RegionsCrumb } from '@/components/layout/regions-crumb';
import { useApiClient } from '@/lib/api-context';
import { formatDateTime } from '@/lib/format';
import { AuditEvents } from './audit-events';
import { AuditFilters } from './audit-filters';
import { auditFilterQuery, newerQuery } from './audit-query';
import { hasAuditFilters, NO_FILTERS, type AuditSearch } from './audit-search';
import { useAuditView } from './use-audit-view';
import styles from './audit.module.css';

/** `/audit`: every recorded event of the organisation, filtered and paged on the server. */
export function AuditPage({ search }: { search: AuditSearch }) {
  const client = useApiClient();
  const { view, at, notices, update, goToPage, showNewer, cleanUp } = useAuditView(search);
  const isFiltered = hasAuditFilters(view);
  const clear = () => update(NO_FILTERS);

  return (
    <div className={styles.page}>
      <PageHeader
        breadcrumbs={[<RegionsCrumb key="regions" />, 'Audit log']}
        title="Audit log"
        subtitle={
          <>
            Every operation on the keys of organisation{' '}
            <strong className="mono">{client.organisation}</strong>, newest first · as of{' '}
            <time dateTime={at}>{formatDateTime(at)}</time>
          </>
        }
      />
      {notices.length > 0 ? (
        <div className={styles.notice} role="status">
          <AlertTriangle size={16} aria-hidden />
          <span className={styles.noticeText}>
            Part of this link was ignored: {notices.join('; ')}.
          </span>
          <Button size="small" variant="secondary" onClick={cleanUp}>
            Remove from link
          </Button>
        </div>
      ) : null}
      <AuditFilters view={view} onChange={update} onClear={isFiltered ? clear : undefined} />
      <AuditEvents
        filters={auditFilterQuery(view, at)}
        at={at}
        newer={newerQuery(view, at)}
        page={view.page}
        onPageChange={goToPage}
        onShowNewer={showNewer}
        isFiltered={isFiltered}
        onClearFilters={clear}
        label="Audit events"
        subject="the keys of this organisation"
      />
    </div>
  );
}
