import { canTransition, isRotationLocked } from '../../src/contract/index';
import { auditInput } from './audit';
import type { Clock } from './clock';
import { DAY_MS, HOUR_MS } from './clock';
import { DomainError } from './domain/errors';
import type { KeyService } from './domain/key-service';
import type { KeyRecord, Store } from './store/store';

export type Scheduler = ReturnType<typeof createScheduler>;

export interface TickResult {
  rotated: string[];
  purged: string[];
}

/** A key is due when now >= its latest version's createdAt + period. */
export function isRotationDue(key: KeyRecord, latestCreatedAt: string, now: Date): boolean {
  if (!canTransition(key.status, 'rotate') || isRotationLocked(key)) return false;
  if (!key.rotationEnabled || key.rotationPeriodDays === null) return false;
  return now.getTime() >= Date.parse(latestCreatedAt) + key.rotationPeriodDays * DAY_MS;
}

/**
 * The hourly platform check: rotates keys whose period has passed and purges keys whose
 * 30-day deletion window has ended. Ticks never overlap; `tick()` waits for a running one.
 */
export function createScheduler(deps: {
  store: Store;
  clock: Clock;
  service: KeyService;
  log: (line: string) => void;
  intervalMs?: number;
}) {
  const { store, clock, service, log } = deps;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<TickResult> | undefined;
  let stopped = false;

  async function runTick(): Promise<TickResult> {
    const result: TickResult = { rotated: [], purged: [] };
    const now = clock.now();
    for (const { key, latestCreatedAt } of store.rotationCandidates()) {
      if (stopped) break;
      if (!isRotationDue(key, latestCreatedAt, now)) continue;
      try {
        await service.rotate(key, service.schedulerContext(key), 'kms.rotate.scheduled');
        result.rotated.push(key.identity);
      } catch (error) {
        // A key that changed state meanwhile is skipped; anything else is logged.
        if (!(error instanceof DomainError))
          log(`scheduler: rotation of ${key.identity} failed: ${String(error)}`);
      }
    }
    for (const key of store.purgeCandidates(clock.now().toISOString())) {
      if (stopped) break;
      store.purgeKey(
        key.identity,
        auditInput(service.schedulerContext(key), {
          action: 'kms.purge',
          key,
          status: 200,
          time: clock.now(),
        }),
      );
      result.purged.push(key.identity);
    }
    if (result.rotated.length + result.purged.length > 0) {
      log(
        `scheduler: rotated ${result.rotated.length} key(s), purged ${result.purged.length} key(s)`,
      );
    }
    return result;
  }

  function tick(): Promise<TickResult> {
    const previous = running ?? Promise.resolve(undefined);
    const next = previous.then(runTick, runTick).finally(() => {
      if (running === next) running = undefined;
    });
    running = next;
    return next;
  }

  return {
    tick,
    start(): void {
      if (timer || stopped) return;
      timer = setInterval(() => {
        tick().catch((error: unknown) => log(`scheduler: tick failed: ${String(error)}`));
      }, deps.intervalMs ?? HOUR_MS);
      timer.unref();
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await running?.catch(() => undefined);
    },
  };
}
