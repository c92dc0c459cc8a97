import {
  ENDPOINTS,
  keyListFiltersFromSearchParams,
  WRAPPING_KEY_ALGORITHM,
} from '../../../src/contract/index';
import type { RegionSummary } from '../../../src/contract/index';
import { badRequest } from './errors';
import { formatZodError, readBody } from './context';
import type { RouteDeps } from './route-deps';

/** Summary, list, create, get, and the region's wrapping key. */
export function registerKeyRoutes({ route, ctx, store, config, service }: RouteDeps): void {
  route(ENDPOINTS.summary, async (c) => {
    const req = ctx.scopeOf(c);
    if (!req.org.kmsEnabled) return c.json({ featureEnabled: false, regions: [] });
    const counts = store.countsByRegion(req.scope);
    const regions: RegionSummary[] = config.regions.map((r) => {
      const n = counts.get(r.identity);
      return {
        identity: r.identity,
        name: r.name,
        slug: r.slug,
        kmsAvailable: r.kmsAvailable,
        totalKeys: n?.total ?? 0,
        activeKeys: n?.active ?? 0,
        disabledKeys: n?.disabled ?? 0,
        pendingDeletionKeys: n?.pendingDeletion ?? 0,
      };
    });
    return c.json({ featureEnabled: true, regions });
  });

  route(ENDPOINTS.listKeys, async (c) => {
    const req = ctx.regionRequest(c);
    const filters = keyListFiltersFromSearchParams(new URL(c.req.url).searchParams);
    if (!filters.success) throw badRequest(formatZodError(filters.error));
    const items = store.listKeys(req.scope, req.region.identity, filters.data);
    return c.json(items.map(({ key, versions }) => service.toApiKey(key, versions)));
  });

  route(ENDPOINTS.createKey, async (c) => {
    const req = ctx.regionRequest(c);
    const body = await readBody(c, ENDPOINTS.createKey.body);
    const key = await service.createKey({ ...req.audit, region: req.region.identity }, body);
    return c.json(service.apiKey(key), 201);
  });

  route(ENDPOINTS.getKey, async (c) => c.json(service.apiKey(ctx.keyRequest(c).key)));

  route(ENDPOINTS.wrappingKey, async (c) => {
    const req = ctx.regionRequest(c);
    const pair = await service.wrappingKey(req.region.identity);
    return c.json({ publicKey: pair.publicKeyPem, algorithm: WRAPPING_KEY_ALGORITHM });
  });
}
