/**
 * Runs one task per item with a bounded number in flight, reports every item's outcome as it
 * changes, and can be stopped: no new item starts after stop(), the ones in flight finish and
 * report their real outcome (a request already sent may have taken effect), and the rest end
 * as `not-run`. Failures keep their message; running again on the failed items is a retry.
 * Pure (no React, no API): the bulk dialog drives it.
 */

export const BULK_CONCURRENCY = 4;

export type BulkOutcome<R> =
  | { state: 'waiting' }
  | { state: 'running' }
  | { state: 'done'; value: R }
  | { state: 'failed'; message: string }
  | { state: 'not-run' };

export interface BulkRunOptions<T, R> {
  items: readonly T[];
  idOf: (item: T) => string;
  task: (item: T) => Promise<R>;
  /** The error as one line for the person (the server's message where there is one). */
  describeError: (error: unknown) => string;
  onChange: (id: string, outcome: BulkOutcome<R>) => void;
  concurrency?: number;
}

export interface BulkRun {
  /** Starts no new item; those in flight still finish. */
  stop: () => void;
  /** Settles when every item has its final outcome. Never rejects. */
  finished: Promise<void>;
}

export function startBulkRun<T, R>({
  items,
  idOf,
  task,
  describeError,
  onChange,
  concurrency = BULK_CONCURRENCY,
}: BulkRunOptions<T, R>): BulkRun {
  let isStopped = false;
  let next = 0;
  for (const item of items) onChange(idOf(item), { state: 'waiting' });

  const worker = async () => {
    while (!isStopped && next < items.length) {
      const item = items[next++] as T;
      const id = idOf(item);
      onChange(id, { state: 'running' });
      try {
        const value = await task(item);
        onChange(id, { state: 'done', value });
      } catch (error) {
        onChange(id, { state: 'failed', message: describeError(error) });
      }
    }
  };

  const workers = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker);
  const finished = Promise.all(workers).then(() => {
    for (let i = next; i < items.length; i++) onChange(idOf(items[i] as T), { state: 'not-run' });
  });
  return {
    stop: () => {
      isStopped = true;
    },
    finished,
  };
}

export interface BulkTally {
  done: number;
  failed: number;
  notRun: number;
  /** Waiting or running. */
  remaining: number;
}

export function tally(outcomes: Iterable<BulkOutcome<unknown>>): BulkTally {
  const t: BulkTally = { done: 0, failed: 0, notRun: 0, remaining: 0 };
  for (const o of outcomes) {
    if (o.state === 'done') t.done += 1;
    else if (o.state === 'failed') t.failed += 1;
    else if (o.state === 'not-run') t.notRun += 1;
    else t.remaining += 1;
  }
  return t;
}

/** The items to run again: failed ones, or (with `notRun`) those a stop left out. */
export function itemsToRetry<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  outcomes: ReadonlyMap<string, BulkOutcome<unknown>>,
  state: 'failed' | 'not-run',
): T[] {
  return items.filter((item) => outcomes.get(idOf(item))?.state === state);
}
