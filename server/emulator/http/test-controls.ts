import { Hono } from 'hono';
import { z } from 'zod';
import {
  clockAdvanceRequestSchema,
  DEFAULT_KEY_TYPE,
  KEY_TYPE_INFO,
  keyTypeSchema,
  slugify,
} from '../../../src/contract/index';
import {
  DEFAULT_SEED_SPAN_HOURS,
  seedAuditEvent,
  seedAuditSchema,
  syntheticSeedTargets,
} from '../audit-seed';
import type { SeedTarget } from '../audit-seed';
import { DAY_MS, HOUR_MS } from '../clock';
import { findByIdentityOrSlug } from '../config';
import { generateKeyMaterial } from '../crypto/index';
import { newKey, versionFromMaterial } from '../domain/key-factory';
import { DuplicateSlugError } from '../store/store';
import type { KeyRecord, NewVersion } from '../store/store';
import { readBody } from './context';
import { HttpError, notFound } from './errors';
import type { RouteDeps } from './route-deps';
import { createRouter } from './router';

/**
 * Routes under /_emulator/* that exist only with `--test-controls` (never by default), as a
 * sub-app the app mounts. They need the token like every other route; seeding also needs
 * X-Organisation-Identity.
 */
export interface TestControlDeps extends Omit<RouteDeps, 'route'> {
  /** Called after the clock moved (to persist the offset). */
  onClockAdvanced?: () => void;
}

export const MAX_SEED_KEYS = 20_000;
export const MAX_SEED_VERSIONS = 5_000;

const seedKeysSchema = z.object({
  region: z.string().min(1),
  count: z.number().int().min(1).max(MAX_SEED_KEYS),
  namePrefix: z
    .string()
    .min(1)
    .max(200)
    .refine((p) => slugify(p) !== '', 'must contain at least one letter or digit'),
  project: z.string().min(1).optional(),
  keyType: keyTypeSchema.optional(),
});

const seedVersionsSchema = z.object({
  region: z.string().min(1),
  id: z.string().min(1),
  count: z.number().int().min(1).max(MAX_SEED_VERSIONS),
});

type Deps = TestControlDeps & { route: RouteDeps['route'] };

function registerClock({ route, ctx, clock, scheduler, onClockAdvanced }: Deps): void {
  route({ method: 'GET', path: '/clock' }, async (c) => {
    ctx.authenticate(c);
    return c.json({ now: clock.now().toISOString() });
  });

  route({ method: 'POST', path: '/clock' }, async (c) => {
    ctx.authenticate(c);
    const body = await readBody(c, clockAdvanceRequestSchema);
    clock.advance((body.advanceDays ?? 0) * DAY_MS + (body.advanceHours ?? 0) * HOUR_MS);
    onClockAdvanced?.();
    const result = await scheduler.tick();
    return c.json({
      now: clock.now().toISOString(),
      rotated: result.rotated.length,
      purged: result.purged.length,
    });
  });
}

/** `count` keys named `<namePrefix>-00001`..., one version each, created a millisecond apart. */
function registerSeedKeys({ route, ctx, store, clock }: Deps): void {
  route({ method: 'POST', path: '/seed-keys' }, async (c) => {
    let req = ctx.scopeOf(c);
    ctx.requireFeature(req);
    const body = await readBody(c, seedKeysSchema);
    if (body.project !== undefined) {
      const project = findByIdentityOrSlug(req.org.projects, body.project);
      if (!project)
        throw notFound(`Project "${body.project}" not found in organisation ${req.org.identity}`);
      req = { ...req, project, scope: { org: req.org.identity, project: project.identity } };
    }
    const region = ctx.resolveRegion(req, body.region).region;
    const keyType = body.keyType ?? DEFAULT_KEY_TYPE;
    const now = clock.now();
    // RSA generation takes up to seconds: seeded RSA keys share one material.
    const shared =
      KEY_TYPE_INFO[keyType].family === 'rsa'
        ? versionFromMaterial(keyType, await generateKeyMaterial(keyType), now)
        : undefined;
    const items: { key: KeyRecord; versions: NewVersion[] }[] = [];
    for (let i = 1; i <= body.count; i++) {
      const createdAt = new Date(now.getTime() - (body.count - i)).toISOString();
      const version = {
        ...(shared ?? versionFromMaterial(keyType, await generateKeyMaterial(keyType), now)),
        createdAt,
      };
      const key = newKey({
        org: req.scope.org,
        region: region.identity,
        project: req.scope.project,
        name: `${body.namePrefix}-${String(i).padStart(5, '0')}`,
        labels: { seeded: 'true', group: `g${i % 10}` },
        keyType,
        createdAt,
      });
      items.push({ key, versions: [version] });
    }
    try {
      store.insertKeys(items);
    } catch (error) {
      if (error instanceof DuplicateSlugError) {
        throw new HttpError(409, `${error.message}; choose another namePrefix`);
      }
      throw error;
    }
    return c.json({ created: items.length });
  });
}

/** Synthetic audit events for the organisation of the header (the Audit page and the bench). */
function registerSeedAudit({ route, ctx, store, clock, config }: Deps): void {
  route({ method: 'POST', path: '/seed-audit' }, async (c) => {
    const req = ctx.scopeOf(c);
    ctx.requireFeature(req);
    const body = await readBody(c, seedAuditSchema);
    const defaultRegion = config.regions.find((r) => r.kmsAvailable)?.identity ?? '';
    const region =
      body.region !== undefined
        ? ctx.resolveRegion(req, body.region).region.identity
        : defaultRegion;
    const targets: SeedTarget[] =
      body.keyIdentities === undefined
        ? syntheticSeedTargets(region)
        : body.keyIdentities.map((id) => {
            const key = store.getKey(id);
            if (!key || key.org !== req.org.identity)
              throw notFound(`Key "${id}" not found in organisation ${req.org.identity}`);
            return { key, region: key.region, project: key.project };
          });
    const now = clock.now();
    const span = body.spanHours ?? DEFAULT_SEED_SPAN_HOURS;
    store.transaction(() => {
      for (let i = 0; i < body.count; i++) {
        store.audit.insert(seedAuditEvent(i, body.count, req.org.identity, targets, now, span));
      }
    });
    return c.json({ inserted: body.count });
  });
}

/** `count` more versions of one key (RSA keys repeat their latest material: generation is slow). */
function registerSeedVersions({ route, ctx, store, clock, service }: Deps): void {
  route({ method: 'POST', path: '/seed-versions' }, async (c) => {
    const req = ctx.scopeOf(c);
    ctx.requireFeature(req);
    const body = await readBody(c, seedVersionsSchema);
    const region = ctx.resolveRegion(req, body.region).region;
    const key = store.findKey(req.scope, region.identity, body.id);
    if (!key) throw notFound(`Key "${body.id}" not found`);
    const now = clock.now();
    const shared =
      KEY_TYPE_INFO[key.keyType].family === 'rsa'
        ? store.openMaterial(key.identity, key.latestVersion)
        : undefined;
    const versions: NewVersion[] = [];
    for (let i = 0; i < body.count; i++) {
      const material = shared ?? (await generateKeyMaterial(key.keyType));
      versions.push(versionFromMaterial(key.keyType, material, now));
    }
    const updated = store.addVersions(key.identity, () => undefined, versions, now.toISOString());
    return c.json(service.apiKey(updated));
  });
}

/** The test controls as a sub-app, to mount at `/_emulator`. */
export function createTestControls(deps: TestControlDeps): Hono {
  const app = new Hono();
  const router = createRouter(app);
  const all: Deps = { ...deps, route: router.route };
  registerClock(all);
  registerSeedKeys(all);
  registerSeedAudit(all);
  registerSeedVersions(all);
  router.finish();
  return app;
}
