import { Filter, X } from 'lucide-react';
import { KEY_STATUSES, KEY_TYPES, PURPOSE_LABELS, type KeyListFilters } from '@/contract';
import { Button } from '@/components/ui/button';
import { LinkButton } from '@/components/ui/link-button';
import { statusTitle } from '../detail/key-rules';
import { FacetMenu } from './facet-menu';
import { keyTypeLabel, type countFacets } from './key-list-model';
import { hasLookup, KEY_PURPOSES, type KeyListView } from './key-list-search';
import { KeySearchBox } from './key-search-box';
import styles from './key-list.module.css';

/** The list's search box, facet menus with counts, exact-lookup toggle, count and active filters. */
export function KeyListToolbar({
  view,
  update,
  text,
  onTextChange,
  counts,
  isLookupOpen,
  onToggleLookup,
  count,
  isChecking = false,
}: {
  view: KeyListView;
  update: (change: Partial<KeyListView> | ((view: KeyListView) => Partial<KeyListView>)) => void;
  text: string;
  onTextChange: (text: string) => void;
  counts: ReturnType<typeof countFacets>;
  isLookupOpen: boolean;
  onToggleLookup: () => void;
  count: string;
  /** The list is still being validated: its facets (and their counts) wait. */
  isChecking?: boolean;
}) {
  const isLookup = hasLookup(view.lookup);
  return (
    <>
      <div className={styles.toolbar}>
        <KeySearchBox value={text} onChange={onTextChange} />
        <FacetMenu
          disabled={isChecking}
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
          disabled={isChecking}
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
          disabled={isChecking}
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
          onClick={onToggleLookup}
        >
          <Filter size={14} aria-hidden /> Exact lookup
        </Button>
        <span className={styles.toolbarSpacer} />
        <span className={styles.count} role="status" aria-live="polite">
          {count}
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
      <LinkButton onClick={onClear}>Clear filters</LinkButton>
    </div>
  );
}

export function LookupBanner({
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
      <LinkButton onClick={onEdit}>Edit</LinkButton>
      <LinkButton onClick={onClear}>Show all keys</LinkButton>
    </div>
  );
}
