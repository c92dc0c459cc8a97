/** Time ranges of the audit views; each but `all` and `custom` ends at the view's snapshot. */
export const TIME_RANGES = ['all', '1h', '24h', '7d', 'custom'] as const;
export type TimeRange = (typeof TIME_RANGES)[number];

export const TIME_RANGE_LABELS: Record<TimeRange, string> = {
  all: 'Any time',
  '1h': 'Last hour',
  '24h': 'Last day',
  '7d': 'Last 7 days',
  custom: 'Custom range',
};

const RANGE_MS: Record<'1h' | '24h' | '7d', number> = {
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
};

/** Start of a relative range ending at `at`, or null for `all` and `custom`. */
export function rangeStart(range: TimeRange, at: string): string | null {
  if (range === 'all' || range === 'custom') return null;
  return new Date(new Date(at).getTime() - RANGE_MS[range]).toISOString();
}

/** `2026-11-29T14:05` (a datetime-local input, local time) as an ISO instant, or null. */
export function localInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const t = new Date(value);
  return Number.isNaN(t.getTime()) ? null : t.toISOString();
}

/** An ISO instant as a datetime-local input value (local time, minutes). */
export function isoToLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
