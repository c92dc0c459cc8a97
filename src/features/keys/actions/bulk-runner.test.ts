import { describe, expect, it } from 'vitest';
import { itemsToRetry, startBulkRun, tally, type BulkOutcome } from './bulk-runner';

/** A task whose every call waits until the test settles it. */
function controlledTask() {
  const pending = new Map<string, { resolve: (v: string) => void; reject: (e: Error) => void }>();
  let inFlight = 0;
  let maxInFlight = 0;
  const started: string[] = [];
  const task = (id: string) =>
    new Promise<string>((resolve, reject) => {
      started.push(id);
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const settle =
        <A>(fn: (a: A) => void) =>
        (a: A) => {
          inFlight -= 1;
          pending.delete(id);
          fn(a);
        };
      pending.set(id, { resolve: settle(resolve), reject: settle(reject) });
    });
  return {
    task,
    started,
    pending,
    inFlight: () => inFlight,
    maxInFlight: () => maxInFlight,
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const ids = (n: number) => Array.from({ length: n }, (_, i) => `k${i + 1}`);

function run(items: string[], t: ReturnType<typeof controlledTask>, concurrency?: number) {
  const outcomes = new Map<string, BulkOutcome<string>>();
  const bulk = startBulkRun({
    items,
    idOf: (id) => id,
    task: t.task,
    describeError: (e) => (e instanceof Error ? e.message : String(e)),
    onChange: (id, o) => outcomes.set(id, o),
    ...(concurrency ? { concurrency } : {}),
  });
  return { bulk, outcomes };
}

describe('bulk runner', () => {
  it('never has more than 4 in flight, and runs every item once', async () => {
    const t = controlledTask();
    const { bulk, outcomes } = run(ids(25), t);
    await flush();
    expect(t.inFlight()).toBe(4);
    expect(tally(outcomes.values())).toEqual({ done: 0, failed: 0, notRun: 0, remaining: 25 });
    while (t.pending.size > 0) {
      for (const [id, p] of [...t.pending]) p.resolve(`ok ${id}`);
      await flush();
      expect(t.inFlight()).toBeLessThanOrEqual(4);
    }
    await bulk.finished;
    expect(t.maxInFlight()).toBe(4);
    expect([...t.started].sort()).toEqual(ids(25).sort());
    expect(tally(outcomes.values())).toEqual({ done: 25, failed: 0, notRun: 0, remaining: 0 });
    expect(outcomes.get('k7')).toEqual({ state: 'done', value: 'ok k7' });
  });

  it('keeps each failure with its message and goes on with the others', async () => {
    const t = controlledTask();
    const { bulk, outcomes } = run(ids(6), t, 2);
    while (t.pending.size > 0) {
      for (const [id, p] of [...t.pending])
        if (id === 'k3') p.reject(new Error('Injected fault: the key store timed out'));
        else p.resolve(id);
      await flush();
    }
    await bulk.finished;
    expect(outcomes.get('k3')).toEqual({
      state: 'failed',
      message: 'Injected fault: the key store timed out',
    });
    expect(tally(outcomes.values())).toMatchObject({ done: 5, failed: 1 });
  });

  it('stop starts nothing new, lets those in flight finish, and marks the rest not run', async () => {
    const t = controlledTask();
    const { bulk, outcomes } = run(ids(10), t);
    await flush();
    bulk.stop();
    for (const [id, p] of [...t.pending]) p.resolve(id);
    await bulk.finished;
    expect(t.started).toEqual(['k1', 'k2', 'k3', 'k4']);
    expect(tally(outcomes.values())).toEqual({ done: 4, failed: 0, notRun: 6, remaining: 0 });
    expect(outcomes.get('k5')).toEqual({ state: 'not-run' });
  });

  it('retrying runs only the failed items, and a success replaces the failure', async () => {
    const items = ids(5);
    const outcomes = new Map<string, BulkOutcome<string>>();
    let isBroken = true;
    const options = {
      idOf: (id: string) => id,
      describeError: (e: unknown) => String(e),
      onChange: (id: string, o: BulkOutcome<string>) => outcomes.set(id, o),
    };
    const calls: string[] = [];
    const task = async (id: string) => {
      calls.push(id);
      if (id === 'k2' && isBroken) throw new Error('500');
      return id;
    };
    await startBulkRun({ ...options, items, task }).finished;
    const retry = itemsToRetry(items, (id) => id, outcomes, 'failed');
    expect(retry).toEqual(['k2']);
    isBroken = false;
    calls.length = 0;
    await startBulkRun({ ...options, items: retry, task }).finished;
    expect(calls).toEqual(['k2']);
    expect(tally(outcomes.values())).toEqual({ done: 5, failed: 0, notRun: 0, remaining: 0 });
  });

  it('continues after a stop with exactly the items not run', () => {
    const outcomes = new Map<string, BulkOutcome<string>>([
      ['a', { state: 'done', value: 'a' }],
      ['b', { state: 'not-run' }],
      ['c', { state: 'failed', message: 'x' }],
      ['d', { state: 'not-run' }],
    ]);
    const items = ['a', 'b', 'c', 'd'];
    expect(itemsToRetry(items, (i) => i, outcomes, 'not-run')).toEqual(['b', 'd']);
    expect(itemsToRetry(items, (i) => i, outcomes, 'failed')).toEqual(['c']);
  });

  it('an empty run finishes at once', async () => {
    const t = controlledTask();
    const { bulk, outcomes } = run([], t);
    await bulk.finished;
    expect(outcomes.size).toBe(0);
  });
});
