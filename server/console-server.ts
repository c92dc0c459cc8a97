import { Hono } from 'hono';
import { refuseReservedPaths } from './reserved-paths';
import { securityHeaders, withHeaders } from './security-headers';
import { serveDist } from './static';

/** Anything that answers a fetch Request: the emulator's Hono app or the upstream proxy. */
export type ApiHandler = (request: Request) => Response | Promise<Response>;

export interface ConsoleServerOptions {
  /** Folder of the built console (vite build output). */
  distDir: string;
  /** Answers /v1/... */
  api: ApiHandler;
  /** Answers /_emulator/... and /_console/... (sign-in codes); absent in upstream mode (404). */
  emulator?: ApiHandler;
}

const notFound = () => Response.json({ message: 'Not found' }, { status: 404 });

/** API answers may hold plaintext or key material: no cache may keep them. */
async function noStore(handler: ApiHandler, request: Request): Promise<Response> {
  const res = await handler(request);
  if (res.headers.has('Cache-Control')) return res;
  return withHeaders(res, { 'Cache-Control': 'no-store' });
}

/**
 * The one HTTP app of `npm start`: the KMS API under /v1 (and the emulator's test routes under
 * /_emulator), the built console for everything else, security headers on every response.
 */
export function createConsoleServer(options: ConsoleServerOptions): Hono {
  const app = new Hono();
  app.use('*', securityHeaders());
  app.all('/v1', (c) => noStore(options.api, c.req.raw));
  app.all('/v1/*', (c) => noStore(options.api, c.req.raw));
  const emulator = options.emulator;
  app.all('/_emulator/*', (c) => (emulator ? noStore(emulator, c.req.raw) : notFound()));
  app.all('/_console/*', (c) => (emulator ? noStore(emulator, c.req.raw) : notFound()));
  app.use('*', refuseReservedPaths());
  app.all('*', serveDist(options.distDir));
  app.onError((error) => {
    console.error(`Internal error: ${error instanceof Error ? error.message : String(error)}`);
    return Response.json({ message: 'Internal server error' }, { status: 500 });
  });
  return app;
}

/** What answers while the console is still building and the emulator starting. */
export function createStartingServer(): Hono {
  const app = new Hono();
  app.use('*', securityHeaders());
  app.all('*', () =>
    Response.json(
      { message: 'The console is starting; try again in a moment.' },
      { status: 503, headers: { 'Retry-After': '2', 'Cache-Control': 'no-store' } },
    ),
  );
  return app;
}
