import { useCallback, useEffect, useRef, useState } from 'react';
import { useApiClient } from '@/lib/api-context';
import type { CryptoTarget } from './crypto-api';

export type CallState<T> =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'success'; data: T }
  | { status: 'error'; error: unknown };

/**
 * Runs one crypto call and keeps its result in component state only (never a query cache).
 * Leaving the view (unmount) aborts a call in flight and drops the result with the component;
 * `reset()` clears it (e.g. when the inputs change, so a result never describes other inputs).
 */
export function useCryptoCall<T>(region: string, id: string) {
  const client = useApiClient();
  const [state, setState] = useState<CallState<T>>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      controller.current?.abort();
      controller.current = null;
    },
    [],
  );

  const run = useCallback(
    async (fn: (target: CryptoTarget) => Promise<T>): Promise<T | undefined> => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setState({ status: 'pending' });
      try {
        const data = await fn({ client, region, id, signal: current.signal });
        if (current.signal.aborted) return undefined;
        setState({ status: 'success', data });
        return data;
      } catch (error) {
        if (current.signal.aborted) return undefined;
        setState({ status: 'error', error });
        return undefined;
      } finally {
        if (controller.current === current) controller.current = null;
      }
    },
    [client, region, id],
  );

  const reset = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setState({ status: 'idle' });
  }, []);

  return { state, run, reset };
}
