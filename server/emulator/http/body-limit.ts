import type { Context, MiddlewareHandler } from 'hono';

const utf8 = new TextDecoder();

/** Bodies limitBody already read, with their size in bytes, by request. */
const bodiesRead = new WeakMap<Request, { text: string; size: number }>();

/** The request body as text: what limitBody read, else read now. */
export function bodyText(c: Context): Promise<string> {
  const read = bodiesRead.get(c.req.raw);
  return read !== undefined ? Promise.resolve(read.text) : c.req.text();
}

/**
 * The request body limit. A body that declares its length (and no Transfer-Encoding) is judged
 * by that header alone, without touching `c.req.raw.body` (which would turn the Node request
 * into a Web stream just to look at it); Node's parser never reads past the declared length.
 * Any other body (chunked) is counted while it is read, refused as soon as it passes `maxSize`,
 * and its text is kept for `bodyText(c)`, so the body is read once and no second Request is
 * built.
 */
export function limitBody(
  maxSize: number,
  onError: (c: Context) => Response | Promise<Response>,
): MiddlewareHandler {
  return async (c, next) => {
    const declared = c.req.header('content-length');
    const chunked = c.req.header('transfer-encoding') !== undefined;
    if (declared !== undefined && /^\d+$/.test(declared) && !chunked) {
      if (Number(declared) > maxSize) return onError(c);
      await next();
      return;
    }
    // A second limit on the same request (an app-wide one, then a route's) judges what was read.
    const read = bodiesRead.get(c.req.raw);
    if (read !== undefined) {
      if (read.size > maxSize) return onError(c);
      await next();
      return;
    }
    const body = c.req.raw.body;
    if (!body) {
      await next();
      return;
    }
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > maxSize) return onError(c);
      chunks.push(value);
    }
    bodiesRead.set(c.req.raw, { text: utf8.decode(Buffer.concat(chunks, size)), size });
    await next();
  };
}
