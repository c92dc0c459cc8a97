import { Link } from '@tanstack/react-router';
import { RotateCw, Trash2 } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { formatDateTime } from '@/lib/format';
import { dayTitle, type CalendarDay, type CalendarEvent } from './calendar-model';
import styles from './calendar.module.css';

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

/** One day of the calendar: its heading, then what happens to which key, in time order. */
export function CalendarDaySection({
  day,
  onCancelDeletion,
}: {
  day: CalendarDay;
  onCancelDeletion: (event: CalendarEvent) => void;
}) {
  const first = day.events[0];
  if (!first) return null;
  const { title, relative } = dayTitle(day, first.at);
  const headingId = `day-${day.id}`;
  return (
    <section className={styles.day} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.dayTitle}>
        {title}
        {relative ? <span className={styles.dayRelative}> · {relative}</span> : null}
        <span className={styles.dayCount}>
          {' '}
          · {day.events.length} {day.events.length === 1 ? 'change' : 'changes'}
        </span>
      </h2>
      <ul className={styles.events}>
        {day.events.map((event) => (
          <EventRow
            key={`${event.kind}:${event.region}:${event.key.identity}`}
            event={event}
            onCancelDeletion={onCancelDeletion}
          />
        ))}
      </ul>
    </section>
  );
}

function EventRow({
  event,
  onCancelDeletion,
}: {
  event: CalendarEvent;
  onCancelDeletion: (event: CalendarEvent) => void;
}) {
  const { key, kind, region } = event;
  const isPurge = kind === 'purge';
  return (
    <li className={styles.event} data-kind={kind}>
      <span className={styles.eventIcon} aria-hidden>
        {isPurge ? <Trash2 size={15} /> : <RotateCw size={15} />}
      </span>
      <span className={styles.eventTime} title={formatDateTime(event.at)}>
        {event.isDue ? 'Due now' : timeFormat.format(event.at)}
      </span>
      <span className={styles.eventMain}>
        <span className={styles.eventWhat}>
          {isPurge
            ? 'Purge: the key and all its versions are deleted for good'
            : `Automatic rotation to version ${key.latestVersion + 1}`}
        </span>
        <Link
          to="/regions/$region/keys/$keyId"
          params={{ region, keyId: key.identity }}
          className={styles.keyLink}
        >
          {key.name}
        </Link>{' '}
        <span className={`${styles.slug} mono`}>{key.slug}</span>
      </span>
      <span className={styles.eventRegion}>
        <Badge tone="outline">{region}</Badge>
      </span>
      <span className={styles.eventAction}>
        {isPurge ? (
          <Button
            size="small"
            variant="secondary"
            onClick={() => onCancelDeletion(event)}
            aria-label={`Cancel deletion of ${key.name} (${region})`}
          >
            Cancel deletion
          </Button>
        ) : (
          <span className={styles.eventNote}>
            {key.rotationPeriodInDays === 1
              ? 'every day'
              : `every ${key.rotationPeriodInDays ?? '?'} days`}
          </span>
        )}
      </span>
    </li>
  );
}
