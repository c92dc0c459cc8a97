/** The emulator's notion of "now": injectable, and movable by test controls. */
export interface Clock {
  now(): Date;
  /** Moves the clock forward by `ms` milliseconds (test controls only). */
  advance(ms: number): void;
  /** Total offset from the real clock in milliseconds (persisted across restarts). */
  offsetMs(): number;
}

/** Real time plus an offset that only grows. */
export function createSystemClock(initialOffsetMs = 0): Clock {
  let offset = initialOffsetMs;
  return {
    now: () => new Date(Date.now() + offset),
    advance: (ms) => {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('The clock only moves forward');
      offset += ms;
    },
    offsetMs: () => offset,
  };
}

/** A clock that stands still unless advanced (for tests). */
export function createManualClock(start: Date): Clock {
  const origin = start.getTime();
  let current = origin;
  return {
    now: () => new Date(current),
    advance: (ms) => {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('The clock only moves forward');
      current += ms;
    },
    offsetMs: () => current - origin,
  };
}

export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}
