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
import type { Key, Summary } from '@/contract';
import { createApiClient } from '@/lib/api-client';
import { ApiClientProvider } from '@/lib/api-context';
import { KeyListPage } from './key-list-page';
import { keyListSearchSchema } from './key-list-search';

export interface StubApi {
  /** Answers GET /v1/kms/{region}/keys: the region and the query string the page sent. */
  listKeys?: (region: string, query: URLSearchParams) => { status: number; json: unknown };
  summary?: Summary;
}

export const SUMMARY: Summary = {
  featureEnabled: true,
  regions: [
    {
      identity: 'nl-01',
      slug: 'nl-01',
      name: 'Netherlands 01',
      kmsAvailable: true,
      totalKeys: 3,
      activeKeys: 3,
      disabledKeys: 0,
      pendingDeletionKeys: 0,
    },
    {
      identity: 'nl-02',
      slug: 'nl-02',
      name: 'Netherlands 02',
      kmsAvailable: true,
      totalKeys: 0,
      activeKeys: 0,
      disabledKeys: 0,
      pendingDeletionKeys: 0,
    },
    {
      identity: 'de-01',
      slug: 'de-01',
      name: 'Germany 01',
      kmsAvailable: false,
      totalKeys: 0,
      activeKeys: 0,
      disabledKeys: 0,
      pendingDeletionKeys: 0,
    },
  ],
};

/** A fetch stand-in that answers the list and summary endpoints in the contract's shapes. */
export function stubFetch(api: StubApi, keys: Key[] = []) {
  const calls: string[] = [];
  const fetchImpl: typeof fetch = async (input) => {
    const url = new URL(String(input), 'http://localhost');
    calls.push(`${url.pathname}${url.search}`);
    let res: { status: number; json: unknown } = { status: 404, json: { message: 'not found' } };
    if (url.pathname === '/v1/kms/summary') res = { status: 200, json: api.summary ?? SUMMARY };
    const m = /^\/v1\/kms\/([^/]+)\/keys$/.exec(url.pathname);
    if (m)
      res = api.listKeys ? api.listKeys(m[1] ?? '', url.searchParams) : { status: 200, json: keys };
    return new Response(JSON.stringify(res.json), {
      status: res.status,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  return { fetchImpl, calls };
}

/** Renders the key list at a URL inside a memory router, a fresh QueryClient and a stub API. */
export function renderKeyList(url: string, fetchImpl: typeof fetch) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const clientFor = (project?: string) =>
    createApiClient({ baseUrl: '', token: 't', organisation: 'org-test', project, fetchImpl });
  const rootRoute = createRootRoute({
    validateSearch: z.object({ project: z.string().optional() }),
    component: Outlet,
  });
  const listRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/regions/$region/keys',
    validateSearch: keyListSearchSchema,
    component: function ListRoute() {
      const { region } = listRoute.useParams();
      return <KeyListPage region={region} search={listRoute.useSearch()} />;
    },
  });
  const detailRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/regions/$region/keys/$keyId',
    component: function DetailRoute() {
      const { keyId } = detailRoute.useParams();
      return <h1>Key page {keyId}</h1>;
    },
  });
  const regionsRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/regions',
    component: () => <h1>Regions page</h1>,
  });
  const router = createRouter({
    routeTree: rootRoute.addChildren([listRoute, detailRoute, regionsRoute]),
    history: createMemoryHistory({ initialEntries: [url] }),
  });
  const tree = (project?: string) => (
    <QueryClientProvider client={queryClient}>
      <ApiClientProvider client={clientFor(project)}>
        <RouterProvider router={router} />
      </ApiClientProvider>
    </QueryClientProvider>
  );
  const view = render(tree());
  /** Switches the API client to another project scope, as the signed-in layout does. */
  const switchProject = (project: string) => view.rerender(tree(project));
  return { ...view, router, queryClient, switchProject };
}
