import { Hono } from 'hono';
import { MAX_BODY_BYTES } from '../../../src/contract/index';
import type { Clock } from '../clock';
import type { EmulatorConfig } from '../config';
import type { KeyService } from '../domain/key-service';
import type { Scheduler } from '../scheduler';
import type { Store } from '../store/store';
import { registerAuditRoutes } from './audit-routes';
import { limitBody } from './body-limit';
import { createRequestContext } from './context';
import { registerCryptoRoutes } from './crypto-routes';
import { refusalOf } from './errors';
import { registerKeyRoutes } from './key-routes';
import { registerLifecycleRoutes } from './lifecycle-routes';
import type { RouteDeps } from './route-deps';
import { openApiRoutes } from './openapi-route';
import { createRouter } from './router';
import { createTestControls } from './test-controls';

export interface AppDeps {
  store: Store;
  clock: Clock;
  config: EmulatorConfig;
  service: KeyService;
  scheduler: Scheduler;
  token: string;
  log: (line: string) => void;
  testControls: boolean;
  /** Called after the clock moved (to persist the offset). */
  onClockAdvanced?: () => void;
}

/**
 * The emulator's HTTP app: the body limit, the one error answer for every layer's refusals,
 * the KMS and audit routes, 405 for known paths with another method, and (only when asked)
 * the test controls under /_emulator.
 */
export function createApp(deps: AppDeps): Hono {
  const { log } = deps;
  const app = new Hono();

  app.use(
    '*',
    limitBody(MAX_BODY_BYTES, (c) =>
      c.json({ message: `Request body is larger than ${MAX_BODY_BYTES} bytes` }, 413),
    ),
  );

  app.onError((error, c) => {
    const refusal = refusalOf(error);
    if (refusal) return c.json({ message: refusal.reason }, refusal.status);
    // A real bug: log what and where, never the body.
    log(`internal error on ${c.req.method} ${c.req.routePath}: ${error.stack ?? String(error)}`);
    return c.json({ message: 'Internal error in the emulator' }, 500);
  });
  app.notFound((c) => c.json({ message: `No route for ${c.req.method} ${c.req.path}` }, 404));

  // Every answer carries the emulator's own time as its Date, so a console can tell what "now"
  // is after the test controls moved the clock (docs/emulator.md, "Date header").
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('Date', deps.clock.now().toUTCString());
  });

  const ctx = createRequestContext(deps);
  const router = createRouter(app);
  const routeDeps: RouteDeps = { ...deps, ctx, route: router.route };
  registerKeyRoutes(routeDeps);
  registerLifecycleRoutes(routeDeps);
  registerCryptoRoutes(routeDeps);
  registerAuditRoutes(routeDeps);
  if (deps.testControls) {
    app.route(
      '/_emulator',
      createTestControls({ ...routeDeps, onClockAdvanced: deps.onClockAdvanced }),
    );
  }
  app.route('/', openApiRoutes());
  router.finish();
  return app;
}
