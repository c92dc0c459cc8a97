import { Segmented } from '@/components/ui/segmented';
import { useNavigate } from '@tanstack/react-router';
import { CalendarCheck, CircleAlert } from 'lucide-react';
import { useMemo, useState } from 'react';
import { describeError } from '@/components/errors/describe-error';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { useToast } from '@/components/ui/toast';
import { CancelDeletionDialog } from '@/features/keys';
import { SummaryGate } from '@/features/regions';
import { formatDate, pluralize } from '@/lib/format';
import { useServerNow } from '@/lib/use-server-now';
import { CalendarDaySection } from './calendar-day';
import { calendarEvents, groupByDay, type CalendarEvent } from './calendar-model';
import {
  CALENDAR_RANGES,
  DEFAULT_CALENDAR_RANGE,
  type CalendarRange,
  type CalendarSearch,
} from './calendar-search';
import { useCalendarLists, type RegionLoad } from './use-calendar';
import styles from './calendar.module.css';

const DAY_MS = 86_400_000;

/**
 * `/calendar`: what changes in the next 7, 30 or 90 days in the scope in use, across every
 * region: automatic rotations and purges, grouped by day. "Now" is the API server's time.
 */
export function CalendarPage({ search }: { search: CalendarSearch }) {
  const range = search.range ?? DEFAULT_CALENDAR_RANGE;
  const navigate = useNavigate();
  const now = useServerNow(60_000);
  const { client, summary, lists, loads } = useCalendarLists();
  const events = useMemo(() => calendarEvents(lists, now, range), [lists, now, range]);
  const scope = client.project ? `project ${client.project}` : 'organisation scope';

  const header = (
    <PageHeader
      title="Calendar"
      subtitle={
        <>
          What changes in {scope}, every region: automatic rotations and purges of keys pending
          deletion, by day.
        </>
      }
      actions={
        <RangeChoice
          value={range}
          onChange={(next) => void navigate({ to: '/calendar', search: { range: next } })}
        />
      }
    />
  );

  return (
    <SummaryGate header={header} summary={summary} loading={<CalendarSkeleton />}>
      {() => <CalendarDays range={range} now={now} scope={scope} events={events} loads={loads} />}
    </SummaryGate>
  );
}

/** The rotations and purges of the range, by day, as the regions' key lists arrive. */
function CalendarDays({
  range,
  now,
  scope,
  events,
  loads,
}: {
  range: CalendarRange;
  now: Date;
  scope: string;
  events: CalendarEvent[];
  loads: RegionLoad[];
}) {
  const toast = useToast();
  const [cancelling, setCancelling] = useState<CalendarEvent | null>(null);
  const days = useMemo(() => groupByDay(events, now), [events, now]);
  const pending = loads.filter((l) => l.isPending);
  const failed = loads.filter((l) => l.error);
  const until = new Date(now.getTime() + range * DAY_MS);
  const rotations = events.filter((e) => e.kind === 'rotation').length;
  const purges = events.length - rotations;

  return (
    <>
      <p className={styles.summary} role="status">
        {pending.length
          ? `Loading ${pending.map((l) => l.region).join(', ')}…`
          : `${pluralize(rotations, 'rotation')} and ${pluralize(purges, 'purge')} from now to ${formatDate(until)}, in ${pluralize(loads.length - failed.length, 'region')}.`}
      </p>
      {failed.map((load) => (
        <RegionFailed key={load.region} load={load} />
      ))}
      {days.length === 0 && pending.length === 0 ? (
        <EmptyState
          icon={<CalendarCheck size={22} aria-hidden />}
          title={`Nothing changes in the next ${range} days`}
        >
          <p>
            No automatic rotation is due and no key is purged in {scope} before {formatDate(until)}
            {failed.length ? ' in the regions that answered' : ''}.
          </p>
        </EmptyState>
      ) : (
        <div className={styles.days}>
          {days.map((day) => (
            <CalendarDaySection key={day.id} day={day} onCancelDeletion={setCancelling} />
          ))}
        </div>
      )}
      {pending.length && days.length === 0 ? <CalendarSkeleton /> : null}
      {cancelling ? (
        <CancelDeletionDialog
          kmsKey={cancelling.key}
          region={cancelling.region}
          open
          onOpenChange={(open) => {
            if (!open) setCancelling(null);
          }}
          onDone={({ key, isDisabled }) => {
            setCancelling(null);
            toast({
              title: `Deletion of ${key.name} cancelled`,
              description: isDisabled ? 'The key is disabled.' : 'The key is active again.',
              tone: 'success',
            });
          }}
        />
      ) : null}
    </>
  );
}

function RangeChoice({
  value,
  onChange,
}: {
  value: CalendarRange;
  onChange: (range: CalendarRange) => void;
}) {
  return (
    <Segmented
      label="Look ahead"
      value={String(value)}
      options={CALENDAR_RANGES.map((r) => ({ value: String(r), label: `${r} days` }))}
      onChange={(next) => {
        const range = CALENDAR_RANGES.find((r) => String(r) === next);
        if (range) onChange(range);
      }}
    />
  );
}

function RegionFailed({ load }: { load: RegionLoad }) {
  const d = describeError(load.error);
  return (
    <div className={styles.warning} role="alert">
      <CircleAlert size={16} aria-hidden />
      <span>
        <strong>
          {load.regionName} ({load.region}) could not be read: {d.title}.
        </strong>{' '}
        Its rotations and purges are not shown.
      </span>
      <Button size="small" variant="secondary" onClick={load.retry}>
        Try again
      </Button>
    </div>
  );
}

function CalendarSkeleton() {
  return (
    <div className={styles.days} aria-busy="true" aria-label="Loading calendar">
      <Skeleton width={180} height={18} />
      <Skeleton height={52} />
      <Skeleton height={52} />
    </div>
  );
}
