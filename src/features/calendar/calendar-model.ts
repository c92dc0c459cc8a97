import type { Key } from '@/contract';
import { nextRotationAt, purgeDate } from '@/features/keys';

const DAY_MS = 86_400_000;

/** The keys of one region in the scope in use. */
export interface RegionKeys {
  region: string;
  regionName: string;
  keys: readonly Key[];
}

export interface CalendarEvent {
  kind: 'rotation' | 'purge';
  at: Date;
  /** A rotation whose time has passed: the hourly check rotates it next. */
  isDue: boolean;
  key: Key;
  region: string;
  regionName: string;
}

export interface CalendarDay {
  /** Local date, `YYYY-MM-DD`. */
  id: string;
  /** Whole local days from today (0 today, 1 tomorrow). */
  offset: number;
  events: CalendarEvent[];
}

/**
 * What changes from `now` until `now + days`: each active key's next automatic rotation (the
 * latest version's creation + the period; one already due counts as now) and each purge of a key
 * pending deletion. Sorted by time, then key name.
 */
export function calendarEvents(
  lists: readonly RegionKeys[],
  now: Date,
  days: number,
): CalendarEvent[] {
  const end = now.getTime() + days * DAY_MS;
  const events: CalendarEvent[] = [];
  for (const { region, regionName, keys } of lists) {
    for (const key of keys) {
      const rotation = key.status === 'active' ? nextRotationAt(key) : null;
      if (rotation && rotation.getTime() < end) {
        const isDue = rotation.getTime() <= now.getTime();
        events.push({
          kind: 'rotation',
          at: isDue ? now : rotation,
          isDue,
          key,
          region,
          regionName,
        });
      }
      const purge = purgeDate(key, now);
      if (purge && purge.getTime() < end)
        events.push({ kind: 'purge', at: purge, isDue: false, key, region, regionName });
    }
  }
  return events.sort(
    (a, b) => a.at.getTime() - b.at.getTime() || a.key.name.localeCompare(b.key.name),
  );
}

function localDayId(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Whole local calendar days from `now`'s day to `at`'s day (daylight saving safe). */
export function dayOffset(at: Date, now: Date): number {
  const a = Date.UTC(at.getFullYear(), at.getMonth(), at.getDate());
  const b = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((a - b) / DAY_MS);
}

/** Events grouped by local day, in order. */
export function groupByDay(events: readonly CalendarEvent[], now: Date): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (const event of events) {
    const id = localDayId(event.at);
    let day = days[days.length - 1];
    if (!day || day.id !== id) {
      day = { id, offset: dayOffset(event.at, now), events: [] };
      days.push(day);
    }
    day.events.push(event);
  }
  return days;
}

const weekdayFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});

/** "Today", "Tomorrow", or "Thursday 3 December" with "in 3 days" beside it. */
export function dayTitle(day: CalendarDay, date: Date): { title: string; relative: string | null } {
  if (day.offset <= 0) return { title: 'Today', relative: null };
  if (day.offset === 1) return { title: 'Tomorrow', relative: null };
  return { title: weekdayFormat.format(date), relative: `in ${day.offset} days` };
}
