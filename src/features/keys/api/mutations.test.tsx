import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Key } from '@/contract';
import { createApiClient } from '@/lib/api-client';
import { ApiClientProvider } from '@/lib/api-context';
import { makeKey } from '@/test/make-key';
import { keyKeys } from './query-keys';
import { useDisableKey, useRotateKey } from './mutations';

const base = makeKey({ identity: 'kms-abc', name: 'Orders' });
const other: Key = { ...base, identity: 'kms-other', slug: 'other', name: 'Other' };

function setup(respond: () => Promise<Response>) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity } },
  });
  const client = createApiClient({
    baseUrl: '',
    token: 't',
    organisation: 'org',
    fetchImpl: vi.fn(respond),
  });
  const scope = client.scopeKey;
  // The key is cached under its slug (opened by slug), its identity and in a region list.
  queryClient.setQueryData(keyKeys.detail(scope, 'nl-01', 'orders'), base);
  queryClient.setQueryData(keyKeys.detail(scope, 'nl-01', 'kms-abc'), base);
  queryClient.setQueryData(keyKeys.detail(scope, 'nl-01', 'kms-other'), other);
  queryClient.setQueryData(keyKeys.list(scope, 'nl-01'), [base, other]);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <ApiClientProvider client={client}>{children}</ApiClientProvider>
    </QueryClientProvider>
  );
  const read = () => ({
    bySlug: queryClient.getQueryData<Key>(keyKeys.detail(scope, 'nl-01', 'orders')),
    byId: queryClient.getQueryData<Key>(keyKeys.detail(scope, 'nl-01', 'kms-abc')),
    other: queryClient.getQueryData<Key>(keyKeys.detail(scope, 'nl-01', 'kms-other')),
    list: queryClient.getQueryData<Key[]>(keyKeys.list(scope, 'nl-01')),
  });
  return { wrapper, read };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('key mutations update the cache precisely', () => {
  it('rotate stores the answer in every cached copy of that key, and only that key', async () => {
    const rotated: Key = {
      ...base,
      latestVersion: 2,
      versions: [
        ...base.versions,
        { version: 2, status: 'active', createdAt: '2026-02-01T00:00:00Z' },
      ],
      objectVersion: 2,
    };
    const { wrapper, read } = setup(async () => json(200, rotated));
    const { result } = renderHook(() => useRotateKey('nl-01'), { wrapper });
    await act(() => result.current.mutateAsync('kms-abc'));
    const after = read();
    expect(after.bySlug?.latestVersion).toBe(2);
    expect(after.byId?.latestVersion).toBe(2);
    expect(after.list?.map((k) => k.latestVersion)).toEqual([2, 1]);
    expect(after.other).toEqual(other);
  });

  it('disable flips the status at once and rolls back when the API refuses', async () => {
    let refuse: (r: Response) => void = () => {};
    const { wrapper, read } = setup(() => new Promise((resolve) => (refuse = resolve)));
    const { result } = renderHook(() => useDisableKey('nl-01'), { wrapper });
    act(() => result.current.mutate(base));
    await waitFor(() => expect(read().byId?.status).toBe('disabled'));
    expect(read().bySlug?.status).toBe('disabled');
    expect(read().list?.map((k) => k.status)).toEqual(['disabled', 'active']);
    refuse(json(400, { message: 'Key is already disabled' }));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.message).toBe('Key is already disabled');
    expect(read().byId?.status).toBe('active');
    expect(read().bySlug?.status).toBe('active');
    expect(read().list?.map((k) => k.status)).toEqual(['active', 'active']);
  });
});
