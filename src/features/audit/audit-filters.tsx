import { X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { AUDIT_ACTION_GROUPS, type AuditActionGroup } from '@/contract';
import { Button } from '@/components/ui/button';
import { Field, Select, TextInput } from '@/components/ui/field';
import { useSummary } from '@/features/regions';
import { ACTION_GROUP_LABELS, auditActionLabel } from './audit-labels';
import { MAX_KEY_SEARCH, type AuditActionFilter, type AuditView } from './audit-search';
import {
  isoToLocalInput,
  localInputToIso,
  TIME_RANGE_LABELS,
  TIME_RANGES,
  type TimeRange,
} from './time-range';
import styles from './audit.module.css';

const GROUPS = Object.keys(AUDIT_ACTION_GROUPS) as AuditActionGroup[];

/** The Audit page's filters: every control labelled, every change written to the URL. */
export function AuditFilters({
  view,
  onChange,
  onClear,
}: {
  view: AuditView;
  onChange: (patch: Partial<AuditView>) => void;
  /** Given when a filter is on. */
  onClear?: (() => void) | undefined;
}) {
  const summary = useSummary();
  const regions = summary.data?.regions ?? [];
  const regionKnown = !view.region || regions.some((r) => r.slug === view.region);

  return (
    <div className={styles.filters} role="search" aria-label="Filter events">
      <KeySearch value={view.key} onCommit={(key) => onChange({ key })} />
      <Field label="Action">
        <Select
          value={selectedAction(view.action)}
          onChange={(e) => onChange({ action: (e.target.value || null) as AuditActionFilter })}
        >
          <option value="">All actions</option>
          {GROUPS.map((g) => (
            <optgroup key={g} label={ACTION_GROUP_LABELS[g]}>
              {AUDIT_ACTION_GROUPS[g].length > 1 ? (
                <option value={g}>All {ACTION_GROUP_LABELS[g].toLowerCase()}</option>
              ) : null}
              {AUDIT_ACTION_GROUPS[g].map((a) => (
                <option key={a} value={a}>
                  {auditActionLabel(a)}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
      </Field>
      <Field label="Outcome">
        <Select
          value={view.outcome ?? ''}
          onChange={(e) =>
            onChange({ outcome: e.target.value === '' ? null : (e.target.value as 'success') })
          }
        >
          <option value="">Any outcome</option>
          <option value="success">Success</option>
          <option value="failure">Failure</option>
        </Select>
      </Field>
      <Field label="Region">
        <Select
          value={view.region ?? ''}
          onChange={(e) => onChange({ region: e.target.value || null })}
        >
          <option value="">All regions</option>
          {regions.map((r) => (
            <option key={r.identity} value={r.slug}>
              {r.name} ({r.slug})
            </option>
          ))}
          {regionKnown ? null : <option value={view.region ?? ''}>{view.region}</option>}
        </Select>
      </Field>
      <Field label="Time range">
        <Select
          value={view.range}
          onChange={(e) => onChange({ range: e.target.value as TimeRange, from: null, to: null })}
        >
          {TIME_RANGES.map((r) => (
            <option key={r} value={r}>
              {TIME_RANGE_LABELS[r]}
            </option>
          ))}
        </Select>
      </Field>
      {view.range === 'custom' ? (
        <>
          <InstantField label="From" value={view.from} onCommit={(from) => onChange({ from })} />
          <InstantField label="To" value={view.to} onCommit={(to) => onChange({ to })} />
        </>
      ) : null}
      {onClear ? (
        <div className={styles.filterActions}>
          <Button variant="ghost" onClick={onClear}>
            <X size={14} aria-hidden /> Clear filters
          </Button>
        </div>
      ) : null}
    </div>
  );
}

/** A group of one action (export) shows as that action: the select has no separate entry. */
function selectedAction(action: AuditActionFilter | null): string {
  if (action === null) return '';
  const group = (GROUPS as readonly string[]).includes(action)
    ? AUDIT_ACTION_GROUPS[action as AuditActionGroup]
    : null;
  return group && group.length === 1 ? (group[0] ?? action) : action;
}

/** Key search: the URL follows the box shortly after typing stops (or at once on Enter). */
function KeySearch({ value, onCommit }: { value: string; onCommit: (value: string) => void }) {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    // The URL changed under us (Back, Clear filters): show what it says.
    setSeen(value);
    setText(value);
  }
  useEffect(() => {
    if (text === value) return;
    const t = setTimeout(() => onCommit(text), 350);
    return () => clearTimeout(t);
  }, [text, value, onCommit]);
  return (
    <Field label="Key" className={styles.keyFilter}>
      <TextInput
        type="search"
        value={text}
        maxLength={MAX_KEY_SEARCH}
        placeholder="Name, slug or identity"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && text !== value) onCommit(text);
        }}
      />
    </Field>
  );
}

/** A local date and time; written to the URL as an ISO instant when complete. */
function InstantField({
  label,
  value,
  onCommit,
}: {
  label: string;
  value: string | null;
  onCommit: (iso: string | null) => void;
}) {
  return (
    <Field label={label}>
      <TextInput
        type="datetime-local"
        defaultValue={isoToLocalInput(value)}
        key={value ?? ''}
        onBlur={(e) => {
          const iso = e.target.value === '' ? null : localInputToIso(e.target.value);
          if (iso !== value) onCommit(iso);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
        }}
      />
    </Field>
  );
}
