/**
 * The API server's notion of "now". Every answer's Date header says what time the server
 * thought it was; the difference from this browser's clock is kept (memory only) so that
 * "today", "tomorrow" and "in 3 days" follow the server: an emulator whose clock was moved on,
 * or a laptop whose clock is wrong. Without a readable Date header (a cross-origin API that does
 * not expose it) the browser's clock is used.
 */

/** Under this, a difference is the header's one-second rounding and the request's time. */
const NOISE_MS = 5_000;

let offsetMs = 0;
const listeners = new Set<() => void>();

/** Records the server's time from an answer's Date header (ignored when absent or unreadable). */
export function noteServerDate(header: string | null, receivedAt: number = Date.now()): void {
  if (!header) return;
  const server = Date.parse(header);
  if (!Number.isFinite(server)) return;
  const next = server - receivedAt;
  const isNoise = Math.abs(next) < NOISE_MS;
  const nextOffset = isNoise ? 0 : next;
  if (Math.abs(nextOffset - offsetMs) < NOISE_MS) return;
  offsetMs = nextOffset;
  listeners.forEach((l) => l());
}

/** The server's time now (the browser's clock plus the last known difference). */
export function serverNow(): Date {
  return new Date(Date.now() + offsetMs);
}

/** Milliseconds the server's clock is ahead of this browser's (negative: behind). */
export function serverClockOffset(): number {
  return offsetMs;
}

/** Called when the known difference changes. */
export function subscribeServerClock(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
