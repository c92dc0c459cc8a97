/** The only request headers that reach the upstream API: the browser's credentials and scope. */
export const FORWARDED_REQUEST_HEADERS = [
  'authorization',
  'x-organisation-identity',
  'x-project-identity',
  'content-type',
  'accept',
] as const;

/** Same limit as the API itself (the API answers 413 for bodies over 1 MiB). */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface UpstreamOptions {
  /** Base URL of the KMS API, e.g. https://api.thalassa.cloud (a path prefix is kept). */
  baseUrl: URL;
  /** Gives up on a silent upstream after this long: no answer (504), or no byte of the body. */
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
  return Response.json({ message }, { status, headers: { 'Cache-Control': 'no-store' } });
}

const TOO_LARGE = 'Request body is larger than 1 MiB';

/** Passes a body through while counting it; errors (never buffers) once it passes `max` bytes. */
function byteLimit(max: number, onChunk: () => void) {
  let seen = 0;
  const state = { exceeded: false };
  const stream = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      onChunk();
      seen += chunk.byteLength;
      if (seen > max) {
        state.exceeded = true;
        controller.error(new RangeError(TOO_LARGE));
        return;
      }
      controller.enqueue(chunk);
    },
  });
  return { stream, state };
}

/**
 * A timer that aborts when nothing happened for `ms`: restarted by every chunk going either way,
 * so a silent upstream ends (504 before the answer, a cut stream after) and a slow one does not.
 */
function idleAbort(ms: number, clientSignal: AbortSignal) {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const kick = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(new DOMException('idle', 'TimeoutError')), ms);
  };
  const stop = () => clearTimeout(timer);
  kick();
  const signal = AbortSignal.any([controller.signal, clientSignal]);
  signal.addEventListener('abort', stop, { once: true });
  return { signal, kick, stop, timedOut: () => controller.signal.aborted };
}

interface PeekHooks {
  /** Called after every read: `ended` once the stream is over (done, failed or cancelled). */
  onProgress?: (ended: boolean) => void;
  /** The stream failed after its first chunk: error the copy with this message. */
  failure: string;
  /** Cancel the source when the copy is cancelled (false: only let go of it). */
  cancelSource: boolean;
}

/**
 * Reads a stream's first chunk: null when the stream is empty, else a stream of everything that
 * pulls the rest only as it is read (so nothing is buffered). For an answer, reading the first
 * chunk before answering lets an upstream that fails before any body still get a clean 502.
 */
async function peek(
  source: ReadableStream<Uint8Array>,
  hooks: PeekHooks,
): Promise<ReadableStream<Uint8Array> | null> {
  const reader = source.getReader();
  const first = await reader.read();
  hooks.onProgress?.(first.done);
  if (first.done) return null;
  let pending: Uint8Array | undefined = first.value;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (pending) {
        controller.enqueue(pending);
        pending = undefined;
        return;
      }
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch {
        hooks.onProgress?.(true);
        throw new Error(hooks.failure);
      }
      hooks.onProgress?.(next.done);
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel(reason) {
      hooks.onProgress?.(true);
      if (hooks.cancelSource) return reader.cancel(reason);
      reader.releaseLock();
    },
  });
}

function forwardedHeaders(req: Request): Headers {
  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = req.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  return headers;
}

function responseHeaders(upstream: Response, streamed: boolean): Headers {
  const headers = new Headers({ 'Cache-Control': 'no-store' });
  // Said up front so that the Node adapter writes the head at once and streams every chunk
  // (it would otherwise read ahead, and turn an upstream failing there into a 500).
  if (streamed) headers.set('Transfer-Encoding', 'chunked');
  const contentType = upstream.headers.get('content-type');
  if (contentType !== null) headers.set('Content-Type', contentType);
  const location = upstream.headers.get('location');
  if (location !== null && upstream.status >= 300 && upstream.status < 400) {
    headers.set('Location', location);
  }
  return headers;
}

/**
 * Forwards a request to the real KMS API: method, path, query, body and the allowed headers go
 * out; status, body and content type come back. Bodies stream both ways (the request body is
 * cut at 1 MiB while it is read); nothing is stored, nothing is logged.
 */
export function createUpstreamProxy(options: UpstreamOptions) {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  return async (req: Request): Promise<Response> => {
    const declared = Number(req.headers.get('content-length') ?? '0');
    if (declared > MAX_BODY_BYTES) return errorResponse(413, TOO_LARGE);
    let requestBody: ReadableStream<Uint8Array> | null = null;
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.body) {
      try {
        // Never cancel the client's body: that would reset its connection before the answer.
        requestBody = await peek(req.body, { failure: 'client went away', cancelSource: false });
      } catch {
        return errorResponse(400, 'The request body could not be read');
      }
    }
    const timer = idleAbort(timeoutMs, req.signal);
    const limit = byteLimit(MAX_BODY_BYTES, timer.kick);
    const body = requestBody?.pipeThrough(limit.stream, { preventCancel: true }) ?? null;
    try {
      const upstream = await doFetch(upstreamUrl(options.baseUrl, req.url), {
        method: req.method,
        headers: forwardedHeaders(req),
        body,
        redirect: 'manual',
        signal: timer.signal,
        // Streams the request body instead of buffering it (undici's fetch).
        ...(body ? { duplex: 'half' } : {}),
      } as RequestInit);
      timer.kick();
      const hasResponseBody =
        req.method !== 'HEAD' && upstream.status !== 204 && upstream.status !== 304;
      const responseBody =
        hasResponseBody && upstream.body
          ? await peek(upstream.body, {
              onProgress: (ended) => (ended ? timer.stop() : timer.kick()),
              failure: 'The KMS API stopped in the middle of its answer',
              cancelSource: true,
            })
          : null;
      // Otherwise the timer keeps guarding the answer's body until it ends.
      if (responseBody === null) timer.stop();
      return new Response(responseBody, {
        status: upstream.status,
        headers: responseHeaders(upstream, responseBody !== null),
      });
    } catch {
      timer.stop();
      if (limit.state.exceeded) return errorResponse(413, TOO_LARGE);
      return timer.timedOut()
        ? errorResponse(504, 'The KMS API did not answer in time')
        : errorResponse(502, 'The KMS API could not be reached');
    }
  };
}
