/** The only request headers that reach the upstream API: the browser's credentials and scope. */
export const FORWARDED_REQUEST_HEADERS = [
  'authorization',
  'x-organisation-identity',
  'x-project-identity',
  'content-type',
  'accept',
] as const;

/** Same limit as the API itself (kms-api.md: bodies over 1 MiB are 413). */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface UpstreamOptions {
  /** Base URL of the KMS API, e.g. https://api.thalassa.cloud (a path prefix is kept). */
  baseUrl: URL;
  /** Gives up on a silent upstream after this long (504). */
  timeoutMs?: number;
  /** Injectable for tests; the global fetch by default. */
  fetch?: typeof fetch;
}

/** The upstream URL for a request path + query: the base URL's own path is a prefix. */
export function upstreamUrl(baseUrl: URL, requestUrl: string): URL {
  const incoming = new URL(requestUrl);
  const target = new URL(baseUrl.href);
  target.pathname = baseUrl.pathname.replace(/\/+$/, '') + incoming.pathname;
  target.search = incoming.search;
  return target;
}

function errorResponse(status: number, message: string): Response {
  return Response.json({ message }, { status });
}

/**
 * Forwards a request to the real KMS API: method, path, query, body and the allowed headers go
 * out; status, body and content type come back. Nothing is stored, nothing is logged.
 */
export function createUpstreamProxy(options: UpstreamOptions) {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  return async (req: Request): Promise<Response> => {
    const headers = new Headers();
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = req.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    let body: ArrayBuffer | undefined;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const declared = Number(req.headers.get('content-length') ?? '0');
      if (declared > MAX_BODY_BYTES) return errorResponse(413, 'Request body is larger than 1 MiB');
      body = await req.arrayBuffer();
      if (body.byteLength > MAX_BODY_BYTES)
        return errorResponse(413, 'Request body is larger than 1 MiB');
    }
    let upstream: Response;
    try {
      upstream = await doFetch(upstreamUrl(options.baseUrl, req.url), {
        method: req.method,
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      return timedOut
        ? errorResponse(504, 'The KMS API did not answer in time')
        : errorResponse(502, 'The KMS API could not be reached');
    }
    const responseHeaders = new Headers({ 'Cache-Control': 'no-store' });
    const contentType = upstream.headers.get('content-type');
    if (contentType !== null) responseHeaders.set('Content-Type', contentType);
    const location = upstream.headers.get('location');
    if (location !== null && upstream.status >= 300 && upstream.status < 400) {
      responseHeaders.set('Location', location);
    }
    const hasBody = req.method !== 'HEAD' && upstream.status !== 204 && upstream.status !== 304;
    const responseBody = hasBody ? await upstream.arrayBuffer() : null;
    return new Response(responseBody, { status: upstream.status, headers: responseHeaders });
  };
}
