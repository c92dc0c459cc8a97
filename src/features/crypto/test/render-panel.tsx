import { createRoute } from '@tanstack/react-router';
import type { Key } from '@/contract';
import { renderWithRouter } from '@/test/render';
import { CryptoPanel } from '../crypto-panel';
import { cryptoSearchSchema } from '../crypto-search';

export interface RecordedRequest {
  method: string;
  path: string;
  body: Record<string, unknown> | null;
}

type Handler = (req: RecordedRequest) => { status: number; json: unknown };

function b64(s: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(s)));
}

/** Reverses the bytes behind a base64 string. */
function reverseBytes(value: string): string {
  return btoa(atob(value).split('').reverse().join(''));
}

/**
 * A stand-in KMS for component tests: answers in the contract's shapes. Its "ciphertext" is the
 * plaintext's bytes reversed (not crypto: the UI is under test, not the cipher).
 */
export function fakeKms(key: Key, overrides: Partial<Record<string, Handler>> = {}) {
  const requests: RecordedRequest[] = [];
  const version = (body: Record<string, unknown> | null) =>
    typeof body?.keyVersion === 'string' ? body.keyVersion : String(key.latestVersion);
  const handlers: Record<string, Handler> = {
    encrypt: ({ body }) => ({
      status: 200,
      json: {
        ciphertext: `thalassa:v${version(body)}:${reverseBytes(String(body?.plaintext))}`,
        keyVersion: version(body),
      },
    }),
    decrypt: ({ body }) => {
      const m = /^thalassa:v(\d+):(.+)$/.exec(String(body?.ciphertext));
      return {
        status: 200,
        json: { plaintext: reverseBytes(m?.[2] ?? ''), keyVersion: m?.[1] ?? '1' },
      };
    },
    sign: ({ body }) => ({
      status: 200,
      json: { signature: `thalassa:v${version(body)}:${b64('sig')}`, keyVersion: version(body) },
    }),
    verify: ({ body }) => ({
      status: 200,
      json: { valid: body?.signature === `thalassa:v${key.latestVersion}:${b64('sig')}` },
    }),
    hmac: ({ body }) => ({
      status: 200,
      json: { hmac: `thalassa:v${version(body)}:${b64('mac')}`, keyVersion: version(body) },
    }),
    'verify-hmac': ({ body }) => ({
      status: 200,
      json: { valid: body?.hmac === `thalassa:v${key.latestVersion}:${b64('mac')}` },
    }),
    'public-key': () => ({ status: 200, json: { keys: {} } }),
    ...overrides,
  };
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = new URL(String(input), 'http://localhost');
    const body =
      typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : null;
    const req = { method: init?.method ?? 'GET', path: url.pathname, body };
    requests.push(req);
    const op = url.pathname.split('/').pop() ?? '';
    const handler = handlers[op];
    const res = handler ? handler(req) : { status: 404, json: { message: 'not found' } };
    return new Response(JSON.stringify(res.json), {
      status: res.status,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  return { fetchImpl, requests };
}

/** Renders the panel on the key page's tab route, in a memory router, like the app does. */
export function renderPanel(key: Key, { op, fetchImpl }: { op?: string; fetchImpl: typeof fetch }) {
  return renderWithRouter(
    `/regions/nl-01/keys/${key.identity}/crypto${op ? `?op=${op}` : ''}`,
    (root) => {
      const tabRoute = createRoute({
        getParentRoute: () => root,
        path: '/regions/$region/keys/$keyId/$tab',
        validateSearch: cryptoSearchSchema,
        component: function TabRoute() {
          const { region, tab } = tabRoute.useParams();
          const search = tabRoute.useSearch();
          return tab === 'crypto' ? (
            <CryptoPanel region={region} cryptoKey={key} search={search} />
          ) : (
            <p>Another tab</p>
          );
        },
      });
      return [tabRoute];
    },
    { fetchImpl },
  );
}
