import { createRoute } from '@tanstack/react-router';
import type { Key } from '@/contract';
import { makeKey } from '@/test/make-key';
import { renderWithRouter } from '@/test/render';
import { CreateKeyPage } from '../create-key-page';
import { createKeySearchSchema } from '../create-key-search';

type Answer = { status: number; json: unknown } | Promise<{ status: number; json: unknown }>;

export interface WizardApi {
  /** Answers POST /v1/kms/{region}/keys with the parsed body. */
  createKey?: (body: unknown) => Answer;
  /** Keys returned by GET /v1/kms/{region}/keys (the duplicate lookup). */
  existing?: Key[];
  /** The answer of GET /v1/kms/summary (default: KMS on, no regions listed). */
  summary?: unknown;
}

/** A fetch stand-in answering in the contract's shapes; records every request. */
export function stubApi(api: WizardApi = {}) {
  const requests: { method: string; path: string; body: unknown }[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init?.method ?? 'GET';
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    requests.push({ method, path: `${url.pathname}${url.search}`, body });
    let res: { status: number; json: unknown } = { status: 404, json: { message: 'not found' } };
    if (url.pathname === '/v1/kms/summary')
      res = { status: 200, json: api.summary ?? { featureEnabled: true, regions: [] } };
    else if (/^\/v1\/kms\/[^/]+\/keys$/.test(url.pathname)) {
      if (method === 'POST')
        res = await (api.createKey?.(body) ?? { status: 201, json: makeKey() });
      else {
        const slug = url.searchParams.get('slug');
        res = { status: 200, json: (api.existing ?? []).filter((k) => !slug || k.slug === slug) };
      }
    } else if (/^\/v1\/kms\/[^/]+\/wrapping-key$/.test(url.pathname)) {
      res = {
        status: 200,
        json: {
          publicKey: '-----BEGIN PUBLIC KEY-----\nMIIC\n-----END PUBLIC KEY-----\n',
          algorithm: 'rsa-oaep-aes-kwp',
        },
      };
    }
    return new Response(JSON.stringify(res.json), {
      status: res.status,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  return { fetchImpl, requests, posts: () => requests.filter((r) => r.method === 'POST') };
}

/** Renders the wizard at a URL in a memory router with a fresh QueryClient and the stub API. */
export function renderWizard(url: string, fetchImpl: typeof fetch) {
  return renderWithRouter(
    url,
    (root) => {
      const newRoute = createRoute({
        getParentRoute: () => root,
        path: '/regions/$region/keys/new',
        validateSearch: createKeySearchSchema,
        component: function NewRoute() {
          const { region } = newRoute.useParams();
          const search = newRoute.useSearch();
          return <CreateKeyPage region={region} search={search} />;
        },
      });
      const listRoute = createRoute({
        getParentRoute: () => root,
        path: '/regions/$region/keys',
        component: () => <h1>Key list</h1>,
      });
      const keyRoute = createRoute({
        getParentRoute: () => root,
        path: '/regions/$region/keys/$keyId',
        component: function KeyRoute() {
          const { keyId } = keyRoute.useParams();
          return <h1>Key page {keyId}</h1>;
        },
      });
      const regionsRoute = createRoute({
        getParentRoute: () => root,
        path: '/regions',
        component: () => null,
      });
      return [newRoute, listRoute, keyRoute, regionsRoute];
    },
    { fetchImpl, organisation: 'org-local' },
  );
}
