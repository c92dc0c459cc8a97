import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import { render } from '@testing-library/react';
import { z } from 'zod';
import { auditLogSchema, type AuditLog, type AuditPage as Page } from '@/contract';
import { createApiClient } from '@/lib/api-client';
import { ApiClientProvider } from '@/lib/api-context';
import { AuditPage } from '../audit-page';
import { auditSearchSchema } from '../audit-search';

let seq = 0;
/** A contract-valid record; parsed so tests never hold an off-contract shape. */
export function makeEvent(overrides: Record<string, unknown> = {}): AuditLog {
  seq += 1;
  return auditLogSchema.parse({
    createdAt: '2026-11-29T12:00:00.000Z',
    eventID: `evt-${seq}`,
    action: 'kms.encrypt',
    description: 'Encrypt with key orders',
    resourceType: 'kms_key',
    resourceIdentity: 'kms-orders',
    organizationIdentity: 'org-test',
    userIdentity: 'local-token',
    context: { region: 'nl-01', keyVersion: '1', responseStatus: 200, outcome: 'success' },
    ...overrides,
  });
}

export function page(items: AuditLog[], total = items.length, p = 1, limit = 50): Page {
  return {
    items,
    totalItems: total,
    page: p,
    itemsPerPage: limit,
    totalPages: Math.ceil(total / limit),
    totalCount: total,
  };
}

/** Answers /v1/audit with `answer(query)` and the summary with two regions; records queries. */
export function stubAuditFetch(answer: (q: URLSearchParams) => Page) {
  const queries: URLSearchParams[] = [];
  const fetchImpl: typeof fetch = async (input) => {
    const url = new URL(String(input), 'http://localhost');
    let json: unknown = { message: 'not found' };
    let status = 404;
    if (url.pathname === '/v1/audit') {
      queries.push(url.searchParams);
      [status, json] = [200, answer(url.searchParams)];
    } else if (url.pathname === '/v1/kms/summary') {
      const region = (slug: string) => ({
        identity: slug,
        slug,
        name: slug.toUpperCase(),
        kmsAvailable: true,
        totalKeys: 0,
        activeKeys: 0,
        disabledKeys: 0,
        pendingDeletionKeys: 0,
      });
      [status, json] = [200, { featureEnabled: true, regions: [region('nl-01'), region('nl-02')] }];
    }
    return new Response(JSON.stringify(json), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  return { fetchImpl, queries };
}

/** Renders the Audit page at a URL inside a memory router, a fresh QueryClient and a stub API. */
export function renderAuditPage(url: string, fetchImpl: typeof fetch) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const client = createApiClient({ baseUrl: '', token: 't', organisation: 'org-test', fetchImpl });
  const rootRoute = createRootRoute({
    validateSearch: z.object({ project: z.string().optional() }),
    component: Outlet,
  });
  const auditRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/audit',
    validateSearch: auditSearchSchema,
    component: function AuditRoute() {
      return <AuditPage search={auditRoute.useSearch()} />;
    },
  });
  const stub = (path: string) =>
    createRoute({ getParentRoute: () => rootRoute, path, component: () => <h1>{path}</h1> });
  const router = createRouter({
    routeTree: rootRoute.addChildren([
      auditRoute,
      stub('/regions'),
      stub('/regions/$region/keys/$keyId'),
      stub('/regions/$region/keys/$keyId/$tab'),
    ]),
    history: createMemoryHistory({ initialEntries: [url] }),
  });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <ApiClientProvider client={client}>
        <RouterProvider router={router} />
      </ApiClientProvider>
    </QueryClientProvider>,
  );
  return { ...view, router, queryClient };
}
