import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { ToastProvider } from '@/components/ui/toast';
import { TooltipProvider } from '@/components/ui/tooltip';
import type { Key } from '@/contract';
import { createApiClient, type ApiClient } from '@/lib/api-client';
import { ApiClientProvider } from '@/lib/api-context';
import { makeKey } from '@/test/make-key';

// jsdom has no ResizeObserver; Radix Switch measures its thumb with one.
if (typeof globalThis.ResizeObserver === 'undefined') {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

/** The key page tests' key: "Orders key", two versions (March's the latest). */
export const ordersKey = (overrides: Partial<Key> = {}): Key =>
  makeKey({
    identity: 'kms-test0001',
    name: 'Orders key',
    latestVersion: 2,
    versions: [
      { version: 1, status: 'active', createdAt: '2026-01-01T00:00:00Z' },
      { version: 2, status: 'active', createdAt: '2026-03-01T00:00:00Z' },
    ],
    updatedAt: '2026-03-01T00:00:00Z',
    objectVersion: 3,
    ...overrides,
  });

export interface Recorded {
  method: string;
  url: string;
  body: unknown;
}

/** A fetch stub: answers with the handler's [status, json], records every request. */
export function stubFetch(
  handler: (req: Recorded) => [number, unknown] | Promise<[number, unknown]>,
) {
  const requests: Recorded[] = [];
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const req: Recorded = {
      method: init?.method ?? 'GET',
      url: String(input),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(req);
    const [status, json] = await handler(req);
    return new Response(JSON.stringify(json), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  return { fetchImpl, requests };
}

export function renderWithClient(ui: ReactNode, fetchImpl: typeof fetch) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const client: ApiClient = createApiClient({
    baseUrl: '',
    token: 'test-token',
    organisation: 'org-test',
    fetchImpl,
  });
  const utils = render(
    <QueryClientProvider client={queryClient}>
      <ApiClientProvider client={client}>
        <TooltipProvider>
          <ToastProvider>{ui}</ToastProvider>
        </TooltipProvider>
      </ApiClientProvider>
    </QueryClientProvider>,
  );
  return { ...utils, queryClient, client };
}
