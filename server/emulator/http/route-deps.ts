import type { Clock } from '../clock';
import type { EmulatorConfig } from '../config';
import type { KeyService } from '../domain/key-service';
import type { Scheduler } from '../scheduler';
import type { Store } from '../store/store';
import type { RequestContext } from './context';
import type { Route } from './router';

/** What every file of routes is given: where to register, the request context, the layers below. */
export interface RouteDeps {
  route: Route;
  ctx: RequestContext;
  store: Store;
  clock: Clock;
  config: EmulatorConfig;
  service: KeyService;
  scheduler: Scheduler;
}
