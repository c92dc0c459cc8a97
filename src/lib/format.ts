const DAY_MS = 86_400_000;

const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'short',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
});
const dateFormat = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'short',
  day: '2-digit',
});

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * DAY_MS],
  ['month', 30 * DAY_MS],
  ['week', 7 * DAY_MS],
  ['day', DAY_MS],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** "3 days ago", "in 2 hours". */
export function formatRelative(iso: string | Date, now: Date = new Date()): string {
  const t = typeof iso === 'string' ? new Date(iso) : iso;
  const diff = t.getTime() - now.getTime();
  const abs = Math.abs(diff);
  for (const [unit, ms] of UNITS) {
    if (abs >= ms || unit === 'second') return relativeFormat.format(Math.round(diff / ms), unit);
  }
  return relativeFormat.format(0, 'second');
}

/** Exact time with zone, e.g. "29 Nov 2026, 14:59:49 UTC". */
export function formatDateTime(iso: string | Date): string {
  return dateTimeFormat.format(typeof iso === 'string' ? new Date(iso) : iso);
}

export function formatDate(iso: string | Date): string {
  return dateFormat.format(typeof iso === 'string' ? new Date(iso) : iso);
}

export function addDays(iso: string | Date, days: number): Date {
  const t = typeof iso === 'string' ? new Date(iso) : iso;
  return new Date(t.getTime() + days * DAY_MS);
}

/**
 * Whole days (to the nearest) from now until a time; negative when past. Nearest, not rounded
 * up: "now" may be the server's time known to a second (its Date header), and a purge 30 days
 * away must not read "in 31 days" for a second's difference.
 */
export function daysUntil(iso: string | Date, now: Date = new Date()): number {
  const t = typeof iso === 'string' ? new Date(iso) : iso;
  return Math.round((t.getTime() - now.getTime()) / DAY_MS);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n.toLocaleString('en')} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

export function pluralize(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
