import type { z } from 'zod';
import {
  buildPath,
  ENDPOINTS,
  errorBodySchema,
  SIGN_IN_PATH,
  signInResponseSchema,
  type EndpointName,
  type SignInResponse,
} from '@/contract';
import { noteServerDate } from './server-clock';

/** A non-2xx answer from the API, with the server's own message. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly endpoint: EndpointName;
  constructor(status: number, message: string, endpoint: EndpointName) {
    super(message);
    this.status = status;
    this.endpoint = endpoint;
  }
}

/** The request never got an HTTP answer (offline, DNS, CORS, connection reset). */
export class NetworkError extends Error {
  override name = 'NetworkError';
  constructor(message = 'The KMS API could not be reached. Check your connection and try again.') {
    super(message);
  }
}

/** The API answered 2xx with a body that does not match the contract. */
export class ResponseShapeError extends Error {
  override name = 'ResponseShapeError';
  readonly issues: string[];
  constructor(endpoint: EndpointName, issues: string[]) {
    super(`Unexpected response from ${endpoint}: ${issues.slice(0, 3).join('; ')}`);
    this.issues = issues;
  }

  /** From a schema's issues, each as `path: message` (`(root)` for the body itself). */
  static fromIssues(
    endpoint: EndpointName,
    issues: readonly { path: readonly PropertyKey[]; message: string }[],
  ): ResponseShapeError {
    return new ResponseShapeError(
      endpoint,
      issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`),
    );
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

export interface ConnectionInfo {
  /** '' for same origin, else e.g. https://api.thalassa.cloud (no trailing slash). */
  baseUrl: string;
  token: string;
  organisation: string;
  project?: string | undefined;
}

/** Endpoints whose success may come back as 204 or an empty body (the console then refetches). */
const EMPTY_OK = [
  'deleteKey',
  'cancelDeletion',
  'disableKey',
  'enableKey',
  'rotateKey',
  'updateRotation',
] as const;
type EmptyOkEndpoint = (typeof EMPTY_OK)[number];

type Spec<N extends EndpointName> = (typeof ENDPOINTS)[N];
export type EndpointResponse<N extends EndpointName> = z.infer<Spec<N>['response']>;
export type EndpointResult<N extends EndpointName> =
  EndpointResponse<N> | (N extends EmptyOkEndpoint ? null : never);
type BodyOf<N extends EndpointName> = Spec<N>['body'] extends z.ZodType
  ? z.input<Spec<N>['body']>
  : never;

export interface CallOptions<N extends EndpointName> {
  region?: string;
  id?: string;
  body?: BodyOf<N>;
  query?: URLSearchParams | Record<string, string | undefined>;
  signal?: AbortSignal;
  /**
   * Validates the JSON body in place of the endpoint's schema in one go (e.g. a long list in
   * slices, see validate-in-slices.ts); it must check the same schema and reject with a
   * ResponseShapeError.
   */
  parseBody?: (json: unknown) => Promise<EndpointResponse<N>>;
}

export interface ApiClientConfig extends ConnectionInfo {
  /** Called on every 401, before the ApiError is thrown (e.g. to return to sign-in). */
  onUnauthorized?: () => void;
  fetchImpl?: typeof fetch;
}

export interface ApiClient {
  readonly organisation: string;
  readonly project: string | undefined;
  /** Identifies the active scope; part of every query key so scopes never share cache. */
  readonly scopeKey: string;
  call<N extends EndpointName>(name: N, options?: CallOptions<N>): Promise<EndpointResult<N>>;
}

function toSearch(query: CallOptions<EndpointName>['query']): string {
  if (!query) return '';
  const params =
    query instanceof URLSearchParams
      ? query
      : new URLSearchParams(
          Object.entries(query).filter(
            (e): e is [string, string] => e[1] !== undefined && e[1] !== '',
          ),
        );
  const s = params.toString();
  return s ? `?${s}` : '';
}

async function readMessage(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  if (text) {
    try {
      const parsed = errorBodySchema.safeParse(JSON.parse(text));
      if (parsed.success && parsed.data.message) return parsed.data.message;
    } catch {
      /* not JSON: fall through */
    }
  }
  return res.statusText || `HTTP ${res.status}`;
}

/** The only code in the console that calls fetch. */
export function createApiClient(config: ApiClientConfig): ApiClient {
  const doFetch = config.fetchImpl ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const baseUrl = config.baseUrl.replace(/\/+$/, '');
  return {
    organisation: config.organisation,
    project: config.project || undefined,
    scopeKey: `${config.organisation}/${config.project ?? ''}`,
    async call(name, options = {}) {
      const spec: (typeof ENDPOINTS)[EndpointName] = ENDPOINTS[name];
      const url = `${baseUrl}${buildPath(spec.path, options)}${toSearch(options.query)}`;
      const headers: Record<string, string> = {
        Accept: 'application/json',
        Authorization: `Bearer ${config.token}`,
        'X-Organisation-Identity': config.organisation,
      };
      if (config.project) headers['X-Project-Identity'] = config.project;
      const init: RequestInit = { method: spec.method, headers, signal: options.signal ?? null };
      if (options.body !== undefined) {
        headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(options.body);
      }
      let res: Response;
      try {
        res = await doFetch(url, init);
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') throw error;
        throw new NetworkError();
      }
      noteServerDate(res.headers.get('date'));
      if (!res.ok) {
        const message = await readMessage(res);
        if (res.status === 401) config.onUnauthorized?.();
        throw new ApiError(res.status, message, name);
      }
      const text = res.status === 204 ? '' : await res.text();
      if (text.trim() === '') {
        if ((EMPTY_OK as readonly string[]).includes(name))
          return null as EndpointResult<typeof name>;
        throw new ResponseShapeError(name, ['empty body']);
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new ResponseShapeError(name, ['body is not JSON']);
      }
      if (options.parseBody) return await options.parseBody(json);
      const parsed = spec.response.safeParse(json);
      if (!parsed.success) throw ResponseShapeError.fromIssues(name, parsed.error.issues);
      return parsed.data as EndpointResult<typeof name>;
    },
  };
}

/** POST /_console/sign-in refused the code (401 unknown/used/expired, 429 locked, 404 none). */
export class SignInCodeError extends Error {
  override name = 'SignInCodeError';
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/**
 * Trades a one-time sign-in code for the token at this origin (the server that printed the
 * link). Never cached; throws SignInCodeError or NetworkError.
 */
export async function redeemSignInCode(
  code: string,
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): Promise<SignInResponse> {
  let res: Response;
  try {
    res = await fetchImpl(SIGN_IN_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ code }),
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch {
    throw new NetworkError('The server did not answer, so the sign-in link could not be used.');
  }
  if (!res.ok) throw new SignInCodeError(res.status, await readMessage(res));
  const parsed = signInResponseSchema.safeParse(await res.json().catch(() => null));
  if (!parsed.success)
    throw new SignInCodeError(res.status, 'The server answered the sign-in link unexpectedly.');
  return parsed.data;
}
