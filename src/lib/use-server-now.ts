import { useMemo, useSyncExternalStore } from 'react';
import { serverClockOffset, subscribeServerClock } from './server-clock';
import { useNow } from './use-now';

/** The API server's time (src/lib/server-clock.ts), refreshed every `intervalMs`. */
export function useServerNow(intervalMs: number): Date {
  const now = useNow(intervalMs);
  const offset = useSyncExternalStore(subscribeServerClock, serverClockOffset, serverClockOffset);
  return useMemo(() => new Date(now.getTime() + offset), [now, offset]);
}
