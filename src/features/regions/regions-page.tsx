import { Link } from '@tanstack/react-router';
import { ArrowRight, CloudOff, Globe2, RefreshCw } from 'lucide-react';
import type { RegionSummary } from '@/contract';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { useApiClient } from '@/lib/api-context';
import { pluralize } from '@/lib/format';
import { useSummary } from './api/hooks';
import { SummaryGate } from './summary-gate';
import styles from './regions.module.css';

/** `/regions`: every region with KMS availability and its keys by status. */
export function RegionsPage() {
  const client = useApiClient();
  const summary = useSummary();
  const scope = client.project ? `project ${client.project}` : 'organisation scope';

  const header = (
    <PageHeader
      title="Regions"
      subtitle={
        <>
          Keys of <span className="mono">{client.organisation}</span>, {scope}, by region. Keys live
          in one region; choose a region to see its keys.
        </>
      }
      actions={
        <Button
          variant="secondary"
          onClick={() => void summary.refetch()}
          disabled={summary.isFetching}
          aria-label={summary.isFetching ? 'Refreshing regions' : 'Refresh regions'}
        >
          <RefreshCw size={14} aria-hidden className={summary.isFetching ? 'spin' : undefined} />
          Refresh
        </Button>
      }
    />
  );

  return (
    <SummaryGate header={header} summary={summary} loading={<RegionsSkeleton />}>
      {({ regions }) => <RegionsOverview regions={regions} />}
    </SummaryGate>
  );
}

function RegionsSkeleton() {
  return (
    <div className={styles.grid} aria-busy="true">
      <span role="status" className="visually-hidden">
        Loading regions…
      </span>
      {[0, 1, 2].map((i) => (
        <div key={i} className={styles.card} aria-hidden>
          <Skeleton width="45%" height={18} />
          <Skeleton width="25%" />
          <Skeleton height={8} />
          <Skeleton width="80%" />
        </div>
      ))}
    </div>
  );
}

/** Totals over every region, then one card per region. */
function RegionsOverview({ regions }: { regions: RegionSummary[] }) {
  if (regions.length === 0) {
    return (
      <EmptyState icon={<Globe2 size={22} aria-hidden />} title="No regions">
        <p>The API lists no regions for this organisation.</p>
      </EmptyState>
    );
  }

  const totals = regions.reduce(
    (t, r) => ({
      total: t.total + r.totalKeys,
      active: t.active + r.activeKeys,
      disabled: t.disabled + r.disabledKeys,
      pending: t.pending + r.pendingDeletionKeys,
    }),
    { total: 0, active: 0, disabled: 0, pending: 0 },
  );
  const availableCount = regions.filter((r) => r.kmsAvailable).length;

  return (
    <>
      <dl className={styles.totals} aria-label="All regions">
        <div>
          <dt>Keys</dt>
          <dd>{totals.total.toLocaleString('en')}</dd>
        </div>
        <div>
          <dt>Active</dt>
          <dd>{totals.active.toLocaleString('en')}</dd>
        </div>
        <div>
          <dt>Disabled</dt>
          <dd>{totals.disabled.toLocaleString('en')}</dd>
        </div>
        <div>
          <dt>Pending deletion</dt>
          <dd>{totals.pending.toLocaleString('en')}</dd>
        </div>
        <div>
          <dt>Regions with KMS</dt>
          <dd>
            {availableCount} of {regions.length}
          </dd>
        </div>
      </dl>
      <ul className={styles.grid} aria-label="Regions">
        {regions.map((r) => (
          <li key={r.identity}>
            <RegionCard region={r} />
          </li>
        ))}
      </ul>
    </>
  );
}

function StatusBar({ region }: { region: RegionSummary }) {
  const total = region.totalKeys || 1;
  const parts = [
    { key: 'active', value: region.activeKeys, className: styles.barActive },
    { key: 'disabled', value: region.disabledKeys, className: styles.barDisabled },
    { key: 'pending', value: region.pendingDeletionKeys, className: styles.barPending },
  ];
  return (
    <div className={styles.bar} aria-hidden>
      {region.totalKeys > 0
        ? parts.map((p) =>
            p.value ? (
              <span
                key={p.key}
                className={p.className}
                style={{ width: `${(p.value / total) * 100}%` }}
              />
            ) : null,
          )
        : null}
    </div>
  );
}

function RegionCard({ region }: { region: RegionSummary }) {
  const counts = (
    <dl className={styles.counts}>
      <div>
        <dt>
          <span className={`${styles.dot} ${styles.barActive}`} aria-hidden />
          Active
        </dt>
        <dd>{region.activeKeys.toLocaleString('en')}</dd>
      </div>
      <div>
        <dt>
          <span className={`${styles.dot} ${styles.barDisabled}`} aria-hidden />
          Disabled
        </dt>
        <dd>{region.disabledKeys.toLocaleString('en')}</dd>
      </div>
      <div>
        <dt>
          <span className={`${styles.dot} ${styles.barPending}`} aria-hidden />
          Pending deletion
        </dt>
        <dd>{region.pendingDeletionKeys.toLocaleString('en')}</dd>
      </div>
    </dl>
  );

  if (!region.kmsAvailable) {
    return (
      <article
        className={`${styles.card} ${styles.unavailable}`}
        aria-labelledby={`region-${region.identity}`}
      >
        <div className={styles.cardHead}>
          <div>
            <h2 id={`region-${region.identity}`} className={styles.cardTitle}>
              {region.name}
            </h2>
            <span className={`${styles.slug} mono`}>{region.slug}</span>
          </div>
          <Badge tone="warning" hasDot>
            KMS unavailable
          </Badge>
        </div>
        <p className={styles.reason}>
          <CloudOff size={15} aria-hidden />
          <span>
            The Key Management Service is not offered in this region, so it has no key list. Use a
            region where KMS is available.
          </span>
        </p>
      </article>
    );
  }

  return (
    <article
      className={`${styles.card} ${styles.available}`}
      aria-labelledby={`region-${region.identity}`}
    >
      <div className={styles.cardHead}>
        <div>
          <h2 id={`region-${region.identity}`} className={styles.cardTitle}>
            <Link
              to="/regions/$region/keys"
              params={{ region: region.slug }}
              className={styles.cardLink}
            >
              {region.name}
            </Link>
          </h2>
          <span className={`${styles.slug} mono`}>{region.slug}</span>
        </div>
        <Badge tone="success" hasDot>
          Available
        </Badge>
      </div>
      <div className={styles.total}>
        <span className={styles.totalNumber}>{region.totalKeys.toLocaleString('en')}</span>
        <span className={styles.totalLabel}>{region.totalKeys === 1 ? 'key' : 'keys'}</span>
      </div>
      <StatusBar region={region} />
      {counts}
      <span className={styles.open} aria-hidden>
        {region.totalKeys ? `View ${pluralize(region.totalKeys, 'key')}` : 'Create the first key'}
        <ArrowRight size={14} />
      </span>
    </article>
  );
}
