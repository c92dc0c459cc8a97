import { Link } from '@tanstack/react-router';
import { CloudOff, KeyRound, MapPinOff, Plus, RefreshCw, SearchX, WifiOff } from 'lucide-react';
import type { ReactNode } from 'react';
import { ErrorPanel } from '@/components/errors/error-panel';
import { Button, buttonClassName } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { TableSkeleton } from '@/components/ui/table';
import { ProjectNotFound } from '@/features/connection';
import { KmsDisabledState, useSummary } from '@/features/regions';
import type { Summary } from '@/contract';
import { ApiError, isApiError, NetworkError } from '@/lib/api-client';
import { KEY_COLUMNS } from './key-columns';
import styles from './key-list.module.css';

/** Table-shaped placeholder while the first page of keys loads. */
export function KeyListSkeleton() {
  return (
    <TableSkeleton
      label="Loading keys…"
      columns={KEY_COLUMNS.map((c) => ({
        id: c.id,
        label: <span className={styles.sortButton}>{c.label}</span>,
      }))}
      rows={9}
      classNames={{
        frame: styles.frame,
        table: `${styles.table} ${styles.skeleton}`,
        row: styles.skeletonRow,
      }}
    />
  );
}

export function CreateKeyLink({ region, children }: { region: string; children: ReactNode }) {
  return (
    <Link
      to="/regions/$region/keys/new"
      params={{ region }}
      className={buttonClassName({ variant: 'primary' })}
    >
      <Plus size={16} aria-hidden />
      {children}
    </Link>
  );
}

/** The region has no keys at all in this scope. */
export function EmptyRegion({ region, project }: { region: string; project?: string | undefined }) {
  return (
    <EmptyState
      icon={<KeyRound size={22} aria-hidden />}
      title={`No keys in ${region} yet`}
      actions={<CreateKeyLink region={region}>Create your first key</CreateKeyLink>}
    >
      <p>
        {project ? (
          <>
            Project <strong className="mono">{project}</strong> has no keys in this region.
          </>
        ) : (
          <>The organisation has no keys in this region.</>
        )}{' '}
        Create one to encrypt data, sign artefacts or compute HMACs. Its name, type and
        exportability are chosen once, at creation.
      </p>
    </EmptyState>
  );
}

/** Keys exist, but none match the search, facets or exact lookup. */
export function NoMatch({
  onReset,
  isLookup,
  isLookupResult = false,
  total,
}: {
  onReset: () => void;
  /** Only the API's exact lookup narrowed the list (no local search or facets). */
  isLookup: boolean;
  /** The rows searched are an exact lookup's result, not the whole region. */
  isLookupResult?: boolean;
  total: number | null;
}) {
  return (
    <EmptyState
      icon={<SearchX size={22} aria-hidden />}
      title="No keys match"
      actions={
        <Button variant="primary" onClick={onReset}>
          Reset search and filters
        </Button>
      }
    >
      <p>
        {isLookup
          ? 'The API found no key with exactly these values. Exact lookup compares whole values, case included.'
          : `None of the ${total?.toLocaleString('en') ?? ''} keys ${isLookupResult ? 'found by the exact lookup' : 'in this region'} match the search and filters.`}
      </p>
    </EmptyState>
  );
}

/** A designed page for every way loading the list can fail. */
/**
 * The answer the key list would get, when the summary already says it: KMS off for the
 * organisation (403) or not available in the region (503). Shown at once, without waiting for
 * the list's retries; null when the summary does not say (or is not loaded yet).
 */
export function knownUnavailable(summary: Summary | undefined, region: string): ApiError | null {
  if (!summary) return null;
  if (!summary.featureEnabled)
    return new ApiError(
      403,
      'KMS is not enabled for this organisation (regions summary)',
      'listKeys',
    );
  const info = summary.regions.find((r) => r.slug === region || r.identity === region);
  if (info && !info.kmsAvailable)
    return new ApiError(
      503,
      `KMS is not available in region ${region} (regions summary)`,
      'listKeys',
    );
  return null;
}

export function KeyListError({
  error,
  region,
  organisation,
  project,
  onRetry,
}: {
  error: unknown;
  region: string;
  organisation: string;
  project?: string | undefined;
  onRetry: () => void;
}) {
  if (isApiError(error, 403)) {
    return <KmsDisabledState organisation={organisation} serverMessage={error.message} />;
  }
  if (isApiError(error, 404) && project) {
    return (
      <ProjectNotFound
        project={project}
        organisation={organisation}
        region={region}
        serverMessage={error.message}
      />
    );
  }
  if (isApiError(error, 404)) {
    return (
      <div role="alert">
        <EmptyState
          tone="warning"
          icon={<MapPinOff size={22} aria-hidden />}
          title="Region not found, or no access"
          actions={
            <Link to="/regions" className={buttonClassName({ variant: 'primary' })}>
              See all regions
            </Link>
          }
        >
          <p>
            There is no region <strong className="mono">{region}</strong> that you can see. Either
            it does not exist (check the address), or your role in this organisation or project does
            not give you access to it: the API answers the same in both cases.
          </p>
          <p className="mono">API: {error.message} (HTTP 404)</p>
        </EmptyState>
      </div>
    );
  }
  if (isApiError(error, 503)) {
    return <RegionUnavailable region={region} message={error.message} onRetry={onRetry} />;
  }
  if (error instanceof NetworkError) {
    return (
      <div role="alert">
        <EmptyState
          tone="danger"
          icon={<WifiOff size={22} aria-hidden />}
          title="Cannot reach the KMS API"
          actions={
            <Button variant="primary" onClick={onRetry}>
              <RefreshCw size={14} aria-hidden /> Try again
            </Button>
          }
        >
          <p>
            The keys of {region} could not be loaded: the request got no answer. Check your network
            connection or VPN, then try again.
          </p>
        </EmptyState>
      </div>
    );
  }
  return <ErrorPanel error={error} onRetry={onRetry} />;
}

function RegionUnavailable({
  region,
  message,
  onRetry,
}: {
  region: string;
  message: string;
  onRetry: () => void;
}) {
  const summary = useSummary();
  const available = (summary.data?.regions ?? []).filter(
    (r) => r.kmsAvailable && r.slug !== region && r.identity !== region,
  );
  return (
    <div role="alert">
      <EmptyState
        tone="warning"
        icon={<CloudOff size={22} aria-hidden />}
        title={`KMS is not available in ${region}`}
        actions={
          <Button variant="secondary" onClick={onRetry}>
            <RefreshCw size={14} aria-hidden /> Check again
          </Button>
        }
      >
        <p>
          This region does not offer the Key Management Service right now, so its keys cannot be
          listed. Keys live in one region: choose a region where KMS is available.
        </p>
        {available.length ? (
          <nav aria-label="Regions with KMS" className={styles.regionLinks}>
            {available.map((r) => (
              <Link
                key={r.identity}
                to="/regions/$region/keys"
                params={{ region: r.slug }}
                className={buttonClassName({ variant: 'primary', size: 'small' })}
              >
                {r.name} ({r.slug})
              </Link>
            ))}
          </nav>
        ) : summary.isPending ? (
          <p>Looking for regions with KMS…</p>
        ) : (
          <p>
            <Link to="/regions">See all regions</Link>
          </p>
        )}
        <p className="mono">API: {message} (HTTP 503)</p>
      </EmptyState>
    </div>
  );
}
