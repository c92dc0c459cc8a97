import { Link } from '@tanstack/react-router';
import { AlertTriangle, Filter, RefreshCw, X } from 'lucide-react';
import { lazy, Suspense, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { KEY_STATUSES, KEY_TYPES, PURPOSE_LABELS, type Key, type KeyListFilters } from '@/contract';
import { describeError } from '@/components/errors/describe-error';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { useSummary } from '@/features/regions';
import { useApiClient } from '@/lib/api-context';
import { formatRelative } from '@/lib/format';
import { useNow } from '@/lib/use-now';
import { rememberListSearch } from './list-return';
import { useKeyList } from '../api';
import { FacetMenu } from './facet-menu';
import { statusTitle } from '../detail/key-rules';
import {
  CreateKeyLink,
  EmptyRegion,
  KeyListError,
  knownUnavailable,
  KeyListSkeleton,
  NoMatch,
} from './key-list-states';
import {
  countFacets,
  filterKeys,
  indexKeys,
  keyTypeLabel,
  nextSort,
  sortKeys,
} from './key-list-model';
import { hasLocalFilters, hasLookup, KEY_PURPOSES, type KeyListSearch } from './key-list-search';
import { KeySearchBox } from './key-search-box';
import { KeyTable } from './key-table';
import { BulkBar } from '../actions/bulk-bar';
import { RowDialogHost, type RowDialogTarget } from '../actions/row-dialog-host';
import { EMPTY_SELECTION, keepOnly, selectAll, selectedItems } from './selection';
import { useKeyListView } from './use-key-list-view';
import styles from './key-list.module.css';

const EMPTY: readonly Key[] = [];
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
  const now = useNow(60_000);
  const isLookup = hasLookup(view.lookup);
  const [isLookupOpen, setIsLookupOpen] = useState(false);

  // Keeps this scope's and region's rows while another lookup loads; never another's.
  const list = useKeyList(region, view.lookup);
  const summary = useSummary();
  const regionInfo = summary.data?.regions.find((r) => r.slug === region || r.identity === region);

  // Instant search: the box updates at once, the URL shortly after, the rows when React is free.
  const [text, setText] = useState(view.query);
  useEffect(() => {
    if (text === view.query) return;
    const t = setTimeout(() => update({ query: text }), 250);
    return () => clearTimeout(t);
  }, [text, view.query, update]);
  const flushSearch = () => {
    if (text !== view.query) update({ query: text });
  };
  const deferredText = useDeferredValue(text);
  const deferredStatuses = useDeferredValue(view.statuses);
  const deferredTypes = useDeferredValue(view.types);
  const deferredPurposes = useDeferredValue(view.purposes);
  const deferredSort = useDeferredValue(view.sort);
  const deferredDir = useDeferredValue(view.dir);

  const keys = list.data ?? EMPTY;
  const indexed = useMemo(() => indexKeys(keys), [keys]);
  const facets = useMemo(
    () => ({
      query: deferredText,
      statuses: deferredStatuses,
      types: deferredTypes,
      purposes: deferredPurposes,
    }),
    [deferredText, deferredStatuses, deferredTypes, deferredPurposes],
  );
  const filtered = useMemo(() => filterKeys(indexed, facets), [indexed, facets]);
  const sorted = useMemo(
    () => sortKeys(filtered, deferredSort, deferredDir).map((i) => i.key),
    [filtered, deferredSort, deferredDir],
  );
  const counts = useMemo(() => countFacets(indexed, facets), [indexed, facets]);
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
  const known = list.isPending ? knownUnavailable(summary.data, region) : null;

  let body;
  if (list.isPending && !known) {
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
      <div
        className={styles.frame}
        aria-busy={list.isFetching}
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
        />
      </div>
    );
  }

  const hasData = list.data !== undefined;
  const refreshError = list.isError && hasData ? describeError(list.error) : null;

  return (
    <div className={styles.page}>
      <PageHeader
        breadcrumbs={[
          <Link key="regions" to="/regions">
            Regions
          </Link>,
          `${region} keys`,
        ]}
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
              <RefreshCw
                size={14}
                aria-hidden
                className={list.isFetching ? styles.spin : undefined}
              />
              Refresh
            </Button>
            {isFailed ? null : <CreateKeyLink region={region}>Create key</CreateKeyLink>}
          </>
        }
      />

      {isFailed || isEmptyRegion ? null : (
        <>
          <div className={styles.toolbar}>
            <KeySearchBox value={text} onChange={setText} />
            <FacetMenu
              label="Status"
              selected={view.statuses}
              onChange={(statuses) => update({ statuses })}
              options={KEY_STATUSES.map((s) => ({
                value: s,
                label: statusTitle(s),
                count: counts.statuses[s],
              }))}
            />
            <FacetMenu
              label="Key type"
              selected={view.types}
              onChange={(types) => update({ types })}
              options={KEY_TYPES.map((t) => ({
                value: t,
                label: keyTypeLabel(t),
                count: counts.types[t],
              }))}
            />
            <FacetMenu
              label="Purpose"
              selected={view.purposes}
              onChange={(purposes) => update({ purposes })}
              options={KEY_PURPOSES.map((p) => ({
                value: p,
                label: PURPOSE_LABELS[p],
                count: counts.purposes[p],
              }))}
            />
            <Button
              variant={isLookupOpen || isLookup ? 'primary' : 'secondary'}
              aria-expanded={isLookupOpen}
              onClick={() => setIsLookupOpen((o) => !o)}
            >
              <Filter size={14} aria-hidden /> Exact lookup
            </Button>
            <span className={styles.toolbarSpacer} />
            <span className={styles.count} role="status" aria-live="polite">
              {hasData
                ? sorted.length === keys.length
                  ? `${keys.length.toLocaleString('en')} ${keys.length === 1 ? 'key' : 'keys'}`
                  : `${sorted.length.toLocaleString('en')} of ${keys.length.toLocaleString('en')} keys`
                : ''}
            </span>
          </div>

          <ActiveFilters
            statuses={view.statuses.map((s) => ({ id: s, label: statusTitle(s) }))}
            types={view.types.map((t) => ({ id: t, label: keyTypeLabel(t) }))}
            purposes={view.purposes.map((p) => ({ id: p, label: PURPOSE_LABELS[p] }))}
            onRemove={(facet, id) =>
              update((v) =>
                facet === 'statuses'
                  ? { statuses: v.statuses.filter((x) => x !== id) }
                  : facet === 'types'
                    ? { types: v.types.filter((x) => x !== id) }
                    : { purposes: v.purposes.filter((x) => x !== id) },
              )
            }
            onClear={() => update({ statuses: [], types: [], purposes: [] })}
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

type FacetName = 'statuses' | 'types' | 'purposes';

function ActiveFilters({
  statuses,
  types,
  purposes,
  onRemove,
  onClear,
}: {
  statuses: { id: string; label: string }[];
  types: { id: string; label: string }[];
  purposes: { id: string; label: string }[];
  onRemove: (facet: FacetName, id: string) => void;
  onClear: () => void;
}) {
  const groups: [FacetName, string, { id: string; label: string }[]][] = [
    ['statuses', 'Status', statuses],
    ['types', 'Type', types],
    ['purposes', 'Purpose', purposes],
  ];
  if (!statuses.length && !types.length && !purposes.length) return null;
  return (
    <div className={styles.activeFilters} aria-label="Active filters" role="group">
      {groups.flatMap(([facet, name, items]) =>
        items.map((item) => (
          <span key={`${facet}-${item.id}`} className={styles.filterChip}>
            {name}: {item.label}
            <button
              type="button"
              aria-label={`Remove filter ${name}: ${item.label}`}
              onClick={() => onRemove(facet, item.id)}
            >
              <X size={12} aria-hidden />
            </button>
          </span>
        )),
      )}
      <button type="button" className={styles.linkButton} onClick={onClear}>
        Clear filters
      </button>
    </div>
  );
}

function LookupBanner({
  lookup,
  onEdit,
  onClear,
}: {
  lookup: KeyListFilters;
  onEdit: () => void;
  onClear: () => void;
}) {
  const terms = [
    lookup.identity ? `identity = ${lookup.identity}` : null,
    lookup.name ? `name = ${lookup.name}` : null,
    lookup.slug ? `slug = ${lookup.slug}` : null,
    lookup.status ? `status = ${lookup.status}` : null,
    ...Object.entries(lookup.matchLabels ?? {}).map(([k, v]) => `label ${k} = ${v}`),
  ].filter((t): t is string => t !== null);
  return (
    <div className={styles.lookupBanner} role="region" aria-label="Exact lookup">
      <strong>Exact lookup</strong>
      {terms.map((t) => (
        <span key={t} className={styles.lookupTerm}>
          {t}
        </span>
      ))}
      <span className={styles.toolbarSpacer} />
      <button type="button" className={styles.linkButton} onClick={onEdit}>
        Edit
      </button>
      <button type="button" className={styles.linkButton} onClick={onClear}>
        Show all keys
      </button>
    </div>
  );
}
