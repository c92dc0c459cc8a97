import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Key } from '@/contract';
import { useApiClient } from '@/lib/api-context';
import { storeKeys } from '../api';
import { errorText } from '../detail/error-text';
import { startBulkRun, type BulkOutcome, type BulkRun } from './bulk-runner';
import { runAction, type KeyActionDef } from './key-action-table';

export type KeyOutcomes = ReadonlyMap<string, BulkOutcome<Key>>;

/**
 * Runs an action on many keys (startBulkRun) and keeps every key's outcome across runs, so a
 * retry replaces only what it runs again. The screen is redrawn at most once a frame however
 * fast outcomes arrive; the caches are written and the lists refreshed once, when a run ends.
 * Leaving the page stops the run (no new request starts unseen).
 */
export function useBulkRun(action: KeyActionDef, region: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  // Written by the runner as outcomes arrive; copied into state for the screen.
  const latest = useRef(new Map<string, BulkOutcome<Key>>());
  const run = useRef<BulkRun | null>(null);
  const isFlushQueued = useRef(false);
  const [outcomes, setOutcomes] = useState<KeyOutcomes>(() => new Map());
  const [isRunning, setIsRunning] = useState(false);
  const [isStopping, setIsStopping] = useState(false);

  useEffect(() => () => run.current?.stop(), []);

  const redraw = () => {
    if (isFlushQueued.current) return;
    isFlushQueued.current = true;
    requestAnimationFrame(() => {
      isFlushQueued.current = false;
      setOutcomes(new Map(latest.current));
    });
  };

  const start = (keys: readonly Key[]) => {
    if (run.current || keys.length === 0) return;
    setIsRunning(true);
    setIsStopping(false);
    const current = startBulkRun({
      items: keys,
      idOf: (k) => k.identity,
      task: (k) => runAction(client, action, region, k),
      describeError: (e) => errorText(e) ?? 'The request failed.',
      onChange: (id, outcome) => {
        latest.current.set(id, outcome);
        redraw();
      },
    });
    run.current = current;
    void current.finished.then(() => {
      const changed: Key[] = [];
      for (const k of keys) {
        const o = latest.current.get(k.identity);
        if (o?.state === 'done') changed.push(o.value);
      }
      storeKeys(queryClient, client.scopeKey, region, changed);
      run.current = null;
      setIsRunning(false);
      setIsStopping(false);
      setOutcomes(new Map(latest.current));
    });
  };

  const stop = () => {
    run.current?.stop();
    if (run.current) setIsStopping(true);
  };

  return {
    outcomes,
    isRunning,
    isStopping,
    hasStarted: isRunning || outcomes.size > 0,
    start,
    stop,
  };
}
