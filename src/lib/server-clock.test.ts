import { afterEach, describe, expect, it, vi } from 'vitest';
import { noteServerDate, serverClockOffset, serverNow, subscribeServerClock } from './server-clock';

const DAY = 86_400_000;
const at = Date.parse('2026-11-30T12:00:00.000Z');

afterEach(() => {
  noteServerDate(new Date(at).toUTCString(), at);
  vi.useRealTimers();
});

describe('server clock', () => {
  it('follows a server whose clock is days ahead, and tells its listeners once', () => {
    const listener = vi.fn();
    const stop = subscribeServerClock(listener);
    noteServerDate(new Date(at + 3 * DAY).toUTCString(), at);
    expect(serverClockOffset()).toBe(3 * DAY);
    noteServerDate(new Date(at + 3 * DAY + 1000).toUTCString(), at);
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
    vi.useFakeTimers({ now: at });
    expect(serverNow().toISOString()).toBe('2026-12-03T12:00:00.000Z');
  });

  it('treats the header rounding and request time as no difference', () => {
    noteServerDate(new Date(at + 2 * DAY).toUTCString(), at);
    noteServerDate(new Date(at - 900).toUTCString(), at);
    expect(serverClockOffset()).toBe(0);
  });

  it('ignores a missing or unreadable header', () => {
    noteServerDate(new Date(at + DAY).toUTCString(), at);
    noteServerDate(null, at);
    noteServerDate('not a date', at);
    expect(serverClockOffset()).toBe(DAY);
  });
});
