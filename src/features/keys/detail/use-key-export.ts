import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApiClient } from '@/lib/api-context';
import { exportKeyMaterial, keyKeys } from '../api';

/** How long exported material stays on screen. */
export const EXPORT_VISIBLE_MS = 60_000;

export interface ExportedMaterial {
  keyMaterial: string;
  keyVersion: string;
  /** Epoch ms when the material is cleared. */
  expiresAt: number;
}

/**
 * Export held in component state only (never React Query): fetched on an explicit call,
 * cleared after EXPORT_VISIBLE_MS, on clear(), and when the component using it unmounts.
 */
export function useKeyExport(region: string, id: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const [material, setMaterial] = useState<ExportedMaterial | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isPending, setIsPending] = useState(false);
  const [wasCleared, setWasCleared] = useState(false);
  const abortRef = useRef<AbortController | null>(null);

  useEffect(() => () => abortRef.current?.abort(), []);

  useEffect(() => {
    if (!material) return;
    const t = setTimeout(
      () => {
        setMaterial(null);
        setWasCleared(true);
      },
      Math.max(0, material.expiresAt - Date.now()),
    );
    return () => clearTimeout(t);
  }, [material]);

  const run = useCallback(
    async (keyVersion: string | undefined) => {
      abortRef.current?.abort();
      const controller = new AbortController();
      abortRef.current = controller;
      setIsPending(true);
      setError(null);
      setWasCleared(false);
      try {
        const res = await exportKeyMaterial(client, region, id, keyVersion, controller.signal);
        if (controller.signal.aborted) return;
        setMaterial({ ...res, expiresAt: Date.now() + EXPORT_VISIBLE_MS });
        // The export is now in the audit feed (the record holds no material).
        void queryClient.invalidateQueries({
          queryKey: keyKeys.audit(client.scopeKey, region, id),
        });
      } catch (e) {
        if (controller.signal.aborted) return;
        setError(e);
      } finally {
        if (!controller.signal.aborted) setIsPending(false);
      }
    },
    [client, queryClient, region, id],
  );

  const clear = useCallback(() => {
    setMaterial(null);
    setWasCleared(true);
  }, []);

  return { material, error, isPending, wasCleared, run, clear };
}
