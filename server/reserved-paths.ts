import type { MiddlewareHandler } from 'hono';

/** Prefixes that belong to the server, never to the console's client-side routes. */
const RESERVED = /^\/(v1|_emulator|_console)(\/|$)/;

/**
 * Whether a path that no route answered is a misspelling of a server path: another case, doubled
 * slashes, encoded slashes or dots (`//v1/...`, `/V1/KMS/...`, `/v1%2fkms`, `/_EMULATOR/...`).
 * Malformed escapes count too. Such paths get a JSON 404, never the single-page app.
 */
export function isReservedPath(pathname: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return true;
  }
  return RESERVED.test(decoded.replace(/[\\/]+/g, '/').toLowerCase());
}

/** Answers reserved paths that reached the single-page-app fallback with a JSON 404. */
export function refuseReservedPaths(): MiddlewareHandler {
  return async (c, next) => {
    if (isReservedPath(new URL(c.req.url).pathname)) {
      return c.json({ message: 'Not found' }, 404, { 'Cache-Control': 'no-store' });
    }
    await next();
  };
}
