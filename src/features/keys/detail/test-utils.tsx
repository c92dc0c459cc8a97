import type { ReactNode } from 'react';
import { vi } from 'vitest';
import type { Key } from '@/contract';
import { makeKey } from '@/test/make-key';
import { renderWithProviders } from '@/test/render';

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

/** Renders `ui` inside the app's providers with an API client over `fetchImpl`. */
export function renderWithClient(ui: ReactNode, fetchImpl: typeof fetch) {
  return renderWithProviders(ui, { fetchImpl });
}
