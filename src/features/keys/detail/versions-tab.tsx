import { useVirtualizer } from '@tanstack/react-virtual';
import { CalendarClock } from 'lucide-react';
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { TextInput } from '@/components/ui/field';
import type { Key, KeyVersion } from '@/contract';
import { formatDate, formatDateTime, formatRelative, pluralize } from '@/lib/format';
import { Table, TableScroller } from '@/components/ui/table';
import { newOutputVerb, upcomingRotation, usableVerb, versionState } from './key-rules';
import { VersionTimeline } from './version-timeline';
import shared from './detail-shared.module.css';
import styles from './versions-tab.module.css';

const ROW_HEIGHT = 41;

/** Version history: summary, a timeline and a virtualized table (1,000+ versions stay fast). */
export function VersionsTab({ kmsKey }: { kmsKey: Key }) {
  const versions = useMemo(
    () => [...kmsKey.versions].sort((a, b) => b.version - a.version),
    [kmsKey.versions],
  );
  const next = upcomingRotation(kmsKey);
  const retired = versions.filter((v) => v.version < kmsKey.minDecryptionVersion).length;
  return (
    <div className={shared.stackLg}>
      <div className={styles.summaryStrip}>
        <SummaryItem label="Latest" value={`Version ${kmsKey.latestVersion}`}>
          used for every new {newOutputVerb(kmsKey)}
        </SummaryItem>
        <SummaryItem
          label={`Can still ${usableVerb(kmsKey)}`}
          value={
            kmsKey.minDecryptionVersion === kmsKey.latestVersion
              ? `Version ${kmsKey.latestVersion}`
              : `Versions ${kmsKey.minDecryptionVersion}–${kmsKey.latestVersion}`
          }
        >
          {pluralize(versions.length - retired, 'version')}
        </SummaryItem>
        <SummaryItem label="Retired" value={retired === 0 ? 'None' : pluralize(retired, 'version')}>
          {retired === 0
            ? 'nothing below the minimum decryption version'
            : `below minimum decryption version ${kmsKey.minDecryptionVersion}: refused`}
        </SummaryItem>
        <SummaryItem
          label="Next automatic rotation"
          value={next ? formatDate(next) : kmsKey.keyRotationEnabled ? 'Paused' : 'Off'}
        >
          {next
            ? `version ${kmsKey.latestVersion + 1}, ${formatRelative(next)}`
            : kmsKey.keyRotationEnabled
              ? 'only active keys rotate'
              : 'rotation is not enabled'}
        </SummaryItem>
      </div>
      <Card title="Timeline">
        <VersionTimeline kmsKey={kmsKey} versions={versions} next={next} />
      </Card>
      <VersionTable kmsKey={kmsKey} versions={versions} next={next} />
    </div>
  );
}

function SummaryItem({
  label,
  value,
  children,
}: {
  label: string;
  value: string;
  children: React.ReactNode;
}) {
  return (
    <div className={styles.summaryItem}>
      <div className="small-caps">{label}</div>
      <div className={styles.summaryValue}>{value}</div>
      <div className={styles.summaryHint}>{children}</div>
    </div>
  );
}

function RoleBadge({ kmsKey, version }: { kmsKey: Key; version: number }) {
  const state = versionState(kmsKey, version);
  if (state === 'latest')
    return (
      <Badge tone="accent" hasDot>
        Latest: {newOutputVerb(kmsKey)} + {usableVerb(kmsKey)}
      </Badge>
    );
  if (state === 'usable') return <Badge tone="success">Can {usableVerb(kmsKey)}</Badge>;
  return <Badge tone="neutral">Retired: refused</Badge>;
}

/** Up to this many versions render as plain rows; more are virtualized. */
const PLAIN_ROWS_LIMIT = 60;

function VersionTable({
  kmsKey,
  versions,
  next,
}: {
  kmsKey: Key;
  versions: KeyVersion[];
  next: Date | null;
}) {
  // Held in state, not a ref: the virtualizer (a child) must re-render once the element exists.
  const [scrollEl, setScrollEl] = useState<HTMLDivElement | null>(null);
  const scrollToIndexRef = useRef<((index: number) => void) | null>(null);
  const [jump, setJump] = useState('');
  const [jumpError, setJumpError] = useState<string | null>(null);
  const isVirtual = versions.length > PLAIN_ROWS_LIMIT;

  const goToVersion = () => {
    const n = Number(jump);
    const index = versions.findIndex((v) => v.version === n);
    if (index < 0) {
      setJumpError(`There is no version ${jump || '(empty)'}.`);
      return;
    }
    setJumpError(null);
    scrollToIndexRef.current?.(index);
  };

  return (
    <Card
      title={`All versions (${versions.length.toLocaleString('en')})`}
      isPadded={false}
      actions={
        versions.length > 20 ? (
          <form
            className={styles.jumpForm}
            onSubmit={(e) => {
              e.preventDefault();
              goToVersion();
            }}
          >
            <label htmlFor="jump-version" className={shared.muted}>
              Go to version
            </label>
            <TextInput
              id="jump-version"
              className={styles.jumpInput}
              inputMode="numeric"
              value={jump}
              onChange={(e) => setJump(e.target.value)}
              aria-invalid={jumpError ? true : undefined}
              aria-describedby={jumpError ? 'jump-version-error' : undefined}
            />
            <Button size="small" type="submit">
              Go
            </Button>
            {jumpError ? (
              <span id="jump-version-error" role="alert" className={styles.jumpError}>
                {jumpError}
              </span>
            ) : null}
          </form>
        ) : null
      }
    >
      {next ? (
        <div className={styles.nextRow}>
          <CalendarClock size={15} aria-hidden />
          <span>
            Next automatic rotation: version <strong>{kmsKey.latestVersion + 1}</strong> on{' '}
            <time dateTime={next.toISOString()}>{formatDateTime(next)}</time> (
            {formatRelative(next)}), every {pluralize(kmsKey.rotationPeriodInDays ?? 0, 'day')}.
          </span>
        </div>
      ) : null}
      <TableScroller
        ref={setScrollEl}
        className={styles.tableScroll}
        tabIndex={0}
        role="region"
        aria-label="Version history table, scrollable"
      >
        <Table className={styles.table} aria-rowcount={versions.length + 1}>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Created</th>
              <th scope="col">API status</th>
              <th scope="col">What it can do</th>
            </tr>
          </thead>
          <tbody>
            {isVirtual ? (
              <VirtualRows
                kmsKey={kmsKey}
                versions={versions}
                scrollEl={scrollEl}
                scrollToIndexRef={scrollToIndexRef}
              />
            ) : (
              <PlainRows
                kmsKey={kmsKey}
                versions={versions}
                scrollEl={scrollEl}
                scrollToIndexRef={scrollToIndexRef}
              />
            )}
          </tbody>
        </Table>
      </TableScroller>
    </Card>
  );
}

function VersionRow({ kmsKey, v, index }: { kmsKey: Key; v: KeyVersion; index: number }) {
  const state = versionState(kmsKey, v.version);
  return (
    <tr
      data-index={index}
      aria-rowindex={index + 2}
      className={state === 'retired' ? styles.rowRetired : undefined}
      style={{ height: ROW_HEIGHT }}
    >
      <td className={styles.versionCell}>v{v.version}</td>
      <td>
        <time dateTime={v.createdAt} title={formatRelative(v.createdAt)}>
          {formatDateTime(v.createdAt)}
        </time>
      </td>
      <td>
        <code>{v.status}</code>
      </td>
      <td>
        <RoleBadge kmsKey={kmsKey} version={v.version} />
      </td>
    </tr>
  );
}

/** The table body's rows; each kind registers how to bring a row into view. */
interface RowsProps {
  kmsKey: Key;
  versions: KeyVersion[];
  scrollEl: HTMLDivElement | null;
  scrollToIndexRef: RefObject<((index: number) => void) | null>;
}

function PlainRows({ kmsKey, versions, scrollEl, scrollToIndexRef }: RowsProps) {
  useEffect(() => {
    scrollToIndexRef.current = (index) => {
      scrollEl
        ?.querySelector(`tr[data-index="${index}"]`)
        ?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    };
  }, [scrollEl, scrollToIndexRef]);
  return (
    <>
      {versions.map((v, index) => (
        <VersionRow key={v.version} kmsKey={kmsKey} v={v} index={index} />
      ))}
    </>
  );
}

/** Only the rows in view are in the DOM: a 1,000-version key opens at once. */
function VirtualRows({ kmsKey, versions, scrollEl, scrollToIndexRef }: RowsProps) {
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is the chosen virtualizer (docs/architecture.md)
  const virtualizer = useVirtualizer({
    count: versions.length,
    getScrollElement: () => scrollEl,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  useEffect(() => {
    scrollToIndexRef.current = (index) => virtualizer.scrollToIndex(index, { align: 'center' });
  }, [scrollToIndexRef, virtualizer]);
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  return (
    <>
      {paddingTop > 0 ? (
        <tr aria-hidden style={{ height: paddingTop }}>
          <td colSpan={4} />
        </tr>
      ) : null}
      {items.map((item) => {
        const v = versions[item.index];
        return v ? <VersionRow key={v.version} kmsKey={kmsKey} v={v} index={item.index} /> : null;
      })}
      {paddingBottom > 0 ? (
        <tr aria-hidden style={{ height: paddingBottom }}>
          <td colSpan={4} />
        </tr>
      ) : null}
    </>
  );
}
