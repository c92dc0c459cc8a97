import type { Context, Hono } from 'hono';
import { z } from 'zod';
import {
  clockAdvanceRequestSchema,
  DEFAULT_KEY_TYPE,
  KEY_TYPE_INFO,
  keyTypeSchema,
  slugify,
} from '../../src/contract/index';
import type { AppDeps, RegionRequest, RequestScope } from './api';
import type { readBody as ReadBody } from './api';
import {
  DEFAULT_SEED_SPAN_HOURS,
  seedAuditEvent,
  seedAuditSchema,
  syntheticSeedTargets,
} from './audit-seed';
import type { SeedTarget } from './audit-seed';
import { DAY_MS, HOUR_MS } from './clock';
import { findByIdentityOrSlug } from './config';
import { generateKeyMaterial } from './crypto/index';
import { HttpError, notFound } from './errors';
import { newKeyIdentity } from './service';
import { DuplicateSlugError } from './store/store';
import type { KeyRecord, NewVersion } from './store/store';

/**
 * Routes under /_emulator/* that exist only with `--test-controls` (never by default). They
 * need the token like every other route; seeding also needs X-Organisation-Identity.
 */
export interface TestControlDeps extends AppDeps {
  route: (
    spec: { method: string; path: string },
    handler: (c: Context) => Promise<Response>,
  ) => void;
  authenticate: (c: Context) => void;
  scopeOf: (c: Context) => RequestScope;
  requireFeature: (req: RequestScope) => void;
  resolveRegion: (req: RequestScope, name: string) => RegionRequest;
  readBody: typeof ReadBody;
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

export function registerTestControls(_app: Hono, deps: TestControlDeps): void {
  const { store, clock, service, scheduler, route } = deps;

  route({ method: 'GET', path: '/_emulator/clock' }, async (c) => {
    deps.authenticate(c);
    return c.json({ now: clock.now().toISOString() });
  });

  route({ method: 'POST', path: '/_emulator/clock' }, async (c) => {
    deps.authenticate(c);
    const body = await deps.readBody(c, clockAdvanceRequestSchema);
    clock.advance((body.advanceDays ?? 0) * DAY_MS + (body.advanceHours ?? 0) * HOUR_MS);
    deps.onClockAdvanced?.();
    const result = await scheduler.tick();
    return c.json({
      now: clock.now().toISOString(),
      rotated: result.rotated.length,
      purged: result.purged.length,
    });
  });

  route({ method: 'POST', path: '/_emulator/seed-keys' }, async (c) => {
    let req = deps.scopeOf(c);
    deps.requireFeature(req);
    const body = await deps.readBody(c, seedKeysSchema);
    if (body.project !== undefined) {
      const project = findByIdentityOrSlug(req.org.projects, body.project);
      if (!project)
        throw notFound(`Project "${body.project}" not found in organisation ${req.org.identity}`);
      req = { ...req, project, scope: { org: req.org.identity, project: project.identity } };
    }
    const region = deps.resolveRegion(req, body.region).region;
    const keyType = body.keyType ?? DEFAULT_KEY_TYPE;
    const now = clock.now();
    // RSA generation takes up to seconds: seeded RSA keys share one material.
    const shared =
      KEY_TYPE_INFO[keyType].family === 'rsa' ? await generateKeyMaterial(keyType) : undefined;
    const sharedVersion = shared ? service.versionFromMaterial(keyType, shared, now) : undefined;
    const items: { key: KeyRecord; versions: NewVersion[] }[] = [];
    for (let i = 1; i <= body.count; i++) {
      const createdAt = new Date(now.getTime() - (body.count - i)).toISOString();
      const version: NewVersion = sharedVersion
        ? { ...sharedVersion, createdAt }
        : {
            ...service.versionFromMaterial(keyType, await generateKeyMaterial(keyType), now),
            createdAt,
          };
      const name = `${body.namePrefix}-${String(i).padStart(5, '0')}`;
      items.push({
        key: {
          identity: newKeyIdentity(),
          org: req.scope.org,
          region: region.identity,
          project: req.scope.project,
          slug: slugify(name),
          name,
          description: null,
          labels: { seeded: 'true', group: `g${i % 10}` },
          annotations: {},
          keyType,
          status: 'active',
          exportAllowed: false,
          imported: false,
          allowRotation: false,
          rotationEnabled: false,
          rotationPeriodDays: null,
          latestVersion: 1,
          minDecryptionVersion: 1,
          deletionScheduledAt: null,
          createdAt,
          updatedAt: createdAt,
          objectVersion: 1,
        },
        versions: [version],
      });
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

  // Synthetic audit events for the organisation of the header (the Audit page and the bench).
  route({ method: 'POST', path: '/_emulator/seed-audit' }, async (c) => {
    const req = deps.scopeOf(c);
    deps.requireFeature(req);
    const body = await deps.readBody(c, seedAuditSchema);
    const defaultRegion = deps.config.regions.find((r) => r.kmsAvailable)?.identity ?? '';
    const region =
      body.region !== undefined
        ? deps.resolveRegion(req, body.region).region.identity
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

  route({ method: 'POST', path: '/_emulator/seed-versions' }, async (c) => {
    const req = deps.scopeOf(c);
    deps.requireFeature(req);
    const body = await deps.readBody(c, seedVersionsSchema);
    const region = deps.resolveRegion(req, body.region).region;
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
      versions.push(service.versionFromMaterial(key.keyType, material, now));
    }
    const updated = store.addVersions(key.identity, () => undefined, versions, now.toISOString());
    return c.json(service.apiKey(updated));
  });
}
