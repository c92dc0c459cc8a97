import { AlertTriangle, RefreshCw } from 'lucide-react';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { KeyListFilters } from '@/contract';
import { describeError } from '@/components/errors/describe-error';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { TableFrame } from '@/components/ui/table';
import { RegionsCrumb } from '@/components/layout/regions-crumb';
import { useSummary } from '@/features/regions';
import { useApiClient } from '@/lib/api-context';
import { formatRelative } from '@/lib/format';
import { useServerNow } from '@/lib/use-server-now';
import { rememberListSearch } from './list-return';
import { useKeyList, useUncheckedKeyList } from '../api';
import { firstScreen } from './first-screen';
import {
  CreateKeyLink,
  EmptyRegion,
  KeyListError,
  knownUnavailable,
  KeyListSkeleton,
  NoMatch,
} from './key-list-states';
import { nextSort } from './key-list-model';
import { hasLocalFilters, hasLookup, type KeyListSearch } from './key-list-search';
import { KeyTable } from './key-table';
import { BulkBar } from '../actions/bulk-bar';
import { RowDialogHost, type RowDialogTarget } from '../actions/row-dialog-host';
import { EMPTY_SELECTION, keepOnly, selectAll, selectedItems } from './selection';
import { useKeyListRows } from './use-key-list-rows';
import { useKeyListView } from './use-key-list-view';
import { KeyListToolbar, LookupBanner } from './key-list-toolbar';
import styles from './key-list.module.css';

// The exact-lookup form (and its form library) loads when it is first opened.
const ExactLookupForm = lazy(() =>
  import('./exact-lookup').then((m) => ({ default: m.ExactLookupForm })),
);

/** "just now" for the last minute (the page clock ticks once a minute), else relative. */
function updatedAgo(updatedAt: number, now: Date): string {
  return now.getTime() - updatedAt < 60_000 ? 'just now' : formatRelative(new Date(updatedAt), now);
}

/** `/regions/{region}/keys`: every key of a region, searchable, filterable and sortable. */
export function KeyListPage({ region, search }: { region: string; search: KeyListSearch }) {
  const client = useApiClient();
  const { view, update } = useKeyListView(region, search);
  useEffect(() => rememberListSearch(region, search), [region, search]);
  const now = useServerNow(60_000);
  const isLookup = hasLookup(view.lookup);
  const [isLookupOpen, setIsLookupOpen] = useState(false);

  // Keeps this scope's and region's rows while another lookup loads; never another's.
  const list = useKeyList(region, view.lookup);
  // A list arriving cold is validated in slices; meanwhile its first screen, checked, is painted
  // read-only (no search, sort, selection or counts act on rows that are not all checked yet).
  const unchecked = useUncheckedKeyList(region, view.lookup);
  const isAwaitingList = list.data === undefined && list.failureCount === 0;
  const firstRows = useMemo(
    () => (isAwaitingList && unchecked ? firstScreen(unchecked, view) : null),
    [isAwaitingList, unchecked, view],
  );
  const isChecking = firstRows !== null;
  const summary = useSummary();
  const regionInfo = summary.data?.regions.find((r) => r.slug === region || r.identity === region);

  const { text, setText, flushSearch, facets, sorted, counts, deferredSort, deferredDir, rows } =
    useKeyListRows(list.data ?? firstRows ?? undefined, view, update, isChecking);
  const keys = rows;
  const [rowDialog, setRowDialog] = useState<RowDialogTarget | null>(null);
  // Ticked rows: only rows of the list as it is now (what the filter hides is let go).
  const [selection, setSelection] = useState(EMPTY_SELECTION);
  const sortedIds = useMemo(() => sorted.map((k) => k.identity), [sorted]);
  const visibleSelection = useMemo(() => keepOnly(selection, sortedIds), [selection, sortedIds]);
  if (visibleSelection !== selection) setSelection(visibleSelection);
  const selectedKeys = useMemo(
    () => selectedItems(visibleSelection, sorted),
    [visibleSelection, sorted],
  );
  const isFiltering = hasLocalFilters({ ...view, query: text });

  const resetAll = () => {
    setText('');
    setIsLookupOpen(false);
    update({ query: '', statuses: [], types: [], purposes: [], lookup: {} });
  };
  const applyLookup = (lookup: KeyListFilters) => {
    setIsLookupOpen(false);
    update({ lookup });
  };

  const project = client.project;
  const regionTitle = regionInfo ? `${regionInfo.name}` : region;

  const isFailed = list.isError && !list.data;
  const isEmptyRegion =
    !list.isPending && !isFailed && keys.length === 0 && !isLookup && !list.isPlaceholderData;

  // While the list is still loading (503s are retried), what the summary already says is shown.
  const known = list.isPending && !isChecking ? knownUnavailable(summary.data, region) : null;

  let body;
  if (list.isPending && !known && !isChecking) {
    body = <KeyListSkeleton />;
  } else if (isFailed || known) {
    body = (
      <div className={styles.stateWrap}>
        <KeyListError
          error={known ?? list.error}
          region={region}
          organisation={client.organisation}
          project={client.project}
          onRetry={() => void list.refetch()}
        />
      </div>
    );
  } else if (isEmptyRegion) {
    body = (
      <div className={styles.stateWrap}>
        <EmptyRegion region={region} project={project} />
      </div>
    );
  } else if (sorted.length === 0) {
    body = (
      <div className={styles.stateWrap}>
        <NoMatch
          onReset={resetAll}
          isLookup={isLookup && !isFiltering}
          isLookupResult={isLookup}
          total={keys.length}
        />
      </div>
    );
  } else {
    body = (
      <TableFrame
        className={styles.frame}
        aria-busy={list.isFetching}
        inert={isChecking}
        // Opening a key right after typing: write the pending search into the URL first, so
        // Back returns to exactly this view.
        onClickCapture={flushSearch}
        onKeyDownCapture={(e) => {
          if (e.key === 'Enter') flushSearch();
        }}
      >
        <KeyTable
          region={region}
          keys={sorted}
          sort={view.sort}
          dir={view.dir}
          onSort={(column) => update((v) => nextSort(v, column))}
          label={`Keys in ${region}`}
          now={now}
          viewKey={JSON.stringify([facets, deferredSort, deferredDir, view.lookup])}
          selection={visibleSelection}
          onSelectionChange={setSelection}
          onRowAction={(key, action) => setRowDialog({ identity: key.identity, action })}
          isFirstScreen={isChecking}
        />
      </TableFrame>
    );
  }

  const hasData = list.data !== undefined;
  const refreshError = list.isError && hasData ? describeError(list.error) : null;

  return (
    <div className={styles.page}>
      <PageHeader
        breadcrumbs={[<RegionsCrumb key="regions" />, `${region} keys`]}
        title="Keys"
        subtitle={
          <>
            {regionTitle} · {project ? `project ${project}` : 'organisation scope'}
            {list.dataUpdatedAt ? (
              <span title={new Date(list.dataUpdatedAt).toISOString()}>
                {' '}
                · updated {updatedAgo(list.dataUpdatedAt, now)}
              </span>
            ) : null}
          </>
        }
        actions={
          <>
            <Button
              variant="secondary"
              onClick={() => void list.refetch()}
              disabled={list.isFetching}
              aria-label={list.isFetching ? 'Refreshing keys' : 'Refresh keys'}
            >
              <RefreshCw size={14} aria-hidden className={list.isFetching ? 'spin' : undefined} />
              Refresh
            </Button>
            {isFailed ? null : <CreateKeyLink region={region}>Create key</CreateKeyLink>}
          </>
        }
      />

      {isFailed || isEmptyRegion ? null : (
        <>
          <KeyListToolbar
            view={view}
            update={update}
            text={text}
            onTextChange={setText}
            counts={counts}
            isLookupOpen={isLookupOpen}
            onToggleLookup={() => setIsLookupOpen((o) => !o)}
            isChecking={isChecking}
            count={
              isChecking
                ? `Checking ${(unchecked?.length ?? 0).toLocaleString('en')} keys…`
                : hasData
                  ? sorted.length === keys.length
                    ? `${keys.length.toLocaleString('en')} ${keys.length === 1 ? 'key' : 'keys'}`
                    : `${sorted.length.toLocaleString('en')} of ${keys.length.toLocaleString('en')} keys`
                  : ''
            }
          />
        </>
      )}

      {isLookupOpen ? (
        <Suspense fallback={<p role="status">Opening exact lookup…</p>}>
          <ExactLookupForm
            lookup={view.lookup}
            onApply={applyLookup}
            onClose={() => setIsLookupOpen(false)}
          />
        </Suspense>
      ) : isLookup ? (
        <LookupBanner
          lookup={view.lookup}
          onEdit={() => setIsLookupOpen(true)}
          onClear={() => update({ lookup: {} })}
        />
      ) : null}

      {refreshError ? (
        <div className={styles.notice} role="alert">
          <AlertTriangle size={16} aria-hidden />
          <span>
            <strong>Could not refresh: {refreshError.title}.</strong>{' '}
            {refreshError.detail.replace(/[.\s]*$/, '.')} Showing the keys loaded{' '}
            {updatedAgo(list.dataUpdatedAt, now)}.
          </span>
          <Button size="small" variant="secondary" onClick={() => void list.refetch()}>
            Try again
          </Button>
        </div>
      ) : null}

      <BulkBar
        region={region}
        matching={sorted}
        selected={selectedKeys}
        onSelectAll={() => setSelection(selectAll(sortedIds))}
        onSelect={(ids) => setSelection({ ids: new Set(ids), anchor: null })}
      />
      {body}
      <RowDialogHost
        region={region}
        keys={keys}
        target={rowDialog}
        onClose={() => setRowDialog(null)}
      />
    </div>
  );
}
