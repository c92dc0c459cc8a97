import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CreateKeyRequest, Key, UpdateRotationRequest } from '@/contract';
import type { ApiClient } from '@/lib/api-client';
import { summaryKeys } from '@/features/regions';
import { useApiClient } from '@/lib/api-context';
import { keyKeys } from './query-keys';

/** Writes a fresh key into every cached detail and list entry of it, then refreshes lists. */
export function storeKey(queryClient: QueryClient, scope: string, region: string, key: Key): void {
  storeKeys(queryClient, scope, region, [key]);
}

/**
 * Writes fresh keys into every cached detail and list entry of them, then refreshes the lists
 * and the summary once (a bulk action stores all its results in one go).
 */
export function storeKeys(
  queryClient: QueryClient,
  scope: string,
  region: string,
  keys: readonly Key[],
): void {
  if (keys.length > 0) {
    const fresh = new Map(keys.map((k) => [k.identity, k]));
    queryClient.setQueriesData<Key>({ queryKey: keyKeys.details(scope) }, (old) =>
      old ? (fresh.get(old.identity) ?? old) : old,
    );
    for (const key of keys)
      queryClient.setQueryData(keyKeys.detail(scope, region, key.identity), key);
    queryClient.setQueriesData<Key[]>({ queryKey: [...keyKeys.lists(scope), region] }, (old) =>
      old ? old.map((k) => fresh.get(k.identity) ?? k) : old,
    );
  }
  void queryClient.invalidateQueries({ queryKey: keyKeys.lists(scope), refetchType: 'active' });
  // Summary counts change with every lifecycle change (the regions feature owns that key).
  void queryClient.invalidateQueries({ queryKey: summaryKeys.all });
}

/** The API operations that change a key's lifecycle; each answers with the key. */
export type KeyAction = 'deleteKey' | 'cancelDeletion' | 'disableKey' | 'enableKey' | 'rotateKey';

export async function runKeyAction(
  client: ApiClient,
  action: KeyAction,
  region: string,
  id: string,
): Promise<Key> {
  const result = await client.call(action, { region, id });
  // Tolerate 204/empty bodies: fetch the key as it is now.
  return result ?? client.call('getKey', { region, id });
}

function useKeyAction(action: KeyAction, region: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => runKeyAction(client, action, region, id),
    onSuccess: (key) => storeKey(queryClient, client.scopeKey, region, key),
  });
}

export const useRotateKey = (region: string) => useKeyAction('rotateKey', region);
export const useScheduleDeletion = (region: string) => useKeyAction('deleteKey', region);
export const useCancelDeletion = (region: string) => useKeyAction('cancelDeletion', region);

/**
 * Enable/disable: the only optimistic mutations (docs/architecture.md, "Console conventions").
 * The status flips at once in the cache and rolls back if the API refuses.
 */
function useToggleKey(action: 'enableKey' | 'disableKey', region: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const scope = client.scopeKey;
  const nextStatus = action === 'enableKey' ? 'active' : 'disabled';
  return useMutation({
    mutationFn: (key: Key) => runKeyAction(client, action, region, key.identity),
    onMutate: async (key: Key) => {
      await queryClient.cancelQueries({ queryKey: keyKeys.all(scope) });
      const snapshot = [
        ...queryClient.getQueriesData({ queryKey: keyKeys.details(scope) }),
        ...queryClient.getQueriesData({ queryKey: keyKeys.lists(scope) }),
      ];
      const optimistic: Key = { ...key, status: nextStatus };
      queryClient.setQueriesData<Key>({ queryKey: keyKeys.details(scope) }, (old) =>
        old && old.identity === key.identity ? optimistic : old,
      );
      queryClient.setQueriesData<Key[]>({ queryKey: keyKeys.lists(scope) }, (old) =>
        old ? old.map((k) => (k.identity === key.identity ? optimistic : k)) : old,
      );
      return { snapshot };
    },
    onError: (_error, _key, context) => {
      context?.snapshot.forEach(([queryKey, data]) => queryClient.setQueryData(queryKey, data));
    },
    onSuccess: (key) => storeKey(queryClient, scope, region, key),
  });
}

export const useEnableKey = (region: string) => useToggleKey('enableKey', region);
export const useDisableKey = (region: string) => useToggleKey('disableKey', region);

export function useUpdateRotation(region: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: UpdateRotationRequest }) =>
      (await client.call('updateRotation', { region, id, body })) ??
      client.call('getKey', { region, id }),
    onSuccess: (key) => storeKey(queryClient, client.scopeKey, region, key),
  });
}

/** Creates a key; the new key is in the detail cache and the region's lists at once. */
export function useCreateKey(region: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateKeyRequest) => client.call('createKey', { region, body }),
    onSuccess: (key) => {
      queryClient.setQueryData(keyKeys.detail(client.scopeKey, region, key.identity), key);
      queryClient.setQueriesData<Key[]>(
        { queryKey: [...keyKeys.lists(client.scopeKey), region, {}] },
        (old) => (old ? [...old.filter((k) => k.identity !== key.identity), key] : old),
      );
      void queryClient.invalidateQueries({ queryKey: keyKeys.lists(client.scopeKey) });
      void queryClient.invalidateQueries({ queryKey: summaryKeys.all });
    },
  });
}
