import { Hono } from 'hono';
import { buildOpenApiDocument, OPENAPI_PATH } from '../../../src/contract/openapi';

/**
 * `GET /v1/openapi.json`: the API's OpenAPI 3.1 document, built once from the contract when the
 * emulator starts. Public (no token): it describes the public API and holds nothing of this
 * emulator's data, token or configuration (docs/emulator.md, "OpenAPI document").
 */
export function openApiRoutes(): Hono {
  const body = JSON.stringify(buildOpenApiDocument());
  const app = new Hono();
  app.get(OPENAPI_PATH, (c) => c.body(body, 200, { 'Content-Type': 'application/json' }));
  app.all(OPENAPI_PATH, (c) => {
    c.header('Allow', 'GET, HEAD');
    return c.json({ message: `Method ${c.req.method} is not allowed here; use GET` }, 405);
  });
  return app;
}
