import { createRoute } from '@tanstack/react-router';
import type { Key, Summary } from '@/contract';
import { renderWithRouter } from '@/test/render';
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
  return renderWithRouter(
    url,
    (root) => {
      const listRoute = createRoute({
        getParentRoute: () => root,
        path: '/regions/$region/keys',
        validateSearch: keyListSearchSchema,
        component: function ListRoute() {
          const { region } = listRoute.useParams();
          return <KeyListPage region={region} search={listRoute.useSearch()} />;
        },
      });
      const detailRoute = createRoute({
        getParentRoute: () => root,
        path: '/regions/$region/keys/$keyId',
        component: function DetailRoute() {
          const { keyId } = detailRoute.useParams();
          return <h1>Key page {keyId}</h1>;
        },
      });
      const regionsRoute = createRoute({
        getParentRoute: () => root,
        path: '/regions',
        component: () => <h1>Regions page</h1>,
      });
      return [listRoute, detailRoute, regionsRoute];
    },
    { fetchImpl },
  );
}

/**
 * jsdom has no layout: gives the list's scroll frame a size (default 640 x 1200 px, a desktop
 * table) so the virtualizer renders the rows that fit. Call once per test file, in `beforeAll`.
 */
export function giveScrollerASize({ height = 640, width = 1200 } = {}) {
  const size = (value: number) =>
    function (this: HTMLElement) {
      return this.dataset.testid === 'key-table-scroller' ? value : 0;
    };
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get: size(height),
  });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get: size(width),
  });
}
