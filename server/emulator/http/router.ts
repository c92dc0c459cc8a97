import type { Context, Hono } from 'hono';

export type Handler = (c: Context) => Promise<Response>;
export type Route = (spec: { method: string; path: string }, handler: Handler) => void;

/** `/v1/kms/{region}/keys` to Hono's `/v1/kms/:region/keys`. */
const toHonoPath = (template: string) => template.replace(/\{(\w+)\}/g, ':$1');

/**
 * Registers routes by contract path template and remembers each path's methods; `finish()`
 * answers every known path with another method 405 and an Allow header. Call it last.
 */
export function createRouter(app: Hono): { route: Route; finish: () => void } {
  const allowed = new Map<string, string[]>();
  return {
    route(spec, handler) {
      const path = toHonoPath(spec.path);
      app.on(spec.method, path, handler);
      allowed.set(path, [...(allowed.get(path) ?? []), spec.method]);
    },
    finish() {
      for (const [path, methods] of allowed) {
        app.all(path, (c) => {
          c.header('Allow', methods.join(', '));
          return c.json(
            { message: `Method ${c.req.method} is not allowed here; use ${methods.join(' or ')}` },
            405,
          );
        });
      }
    },
  };
}
