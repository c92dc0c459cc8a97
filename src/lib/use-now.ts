import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs` while `isActive` (relative times, countdowns). */
export function useNow(intervalMs: number, isActive = true): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (!isActive) return;
    const t = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs, isActive]);
  return now;
}
