import type { Context } from 'hono';
import type { z } from 'zod';
import { ENDPOINTS } from '../../src/contract/index';
import type { AuditPage } from '../../src/contract/index';
import type { RequestScope } from './api';
import type { AuditFilter } from './store/audit-store';
import type { EmulatorConfig } from './config';
import { findByIdentityOrSlug } from './config';
import { badRequest } from './errors';
import type { Store } from './store/store';

export interface AuditRouteDeps {
  route: (
    spec: { method: string; path: string },
    handler: (c: Context) => Promise<Response>,
  ) => void;
  scopeOf: (c: Context) => RequestScope;
  requireFeature: (req: RequestScope) => void;
  config: EmulatorConfig;
  store: Store;
  formatZodError: (error: z.ZodError) => string;
}

/** `?a=1&a=2` keeps the first value, like `c.req.query`; unknown parameters are ignored. */
function queryObject(url: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of new URL(url).searchParams) {
    if (!Object.hasOwn(out, name)) out[name] = value;
  }
  return out;
}

const utc = (timestamp: string | undefined) =>
  timestamp === undefined ? undefined : new Date(timestamp).toISOString();

/**
 * `GET /v1/audit`: the organisation's audit log, newest first, paged and filtered on the
 * server. Organisation-wide: X-Project-Identity is checked like everywhere (404 when unknown)
 * but does not narrow the log; project keys' records carry context.projectIdentity.
 */
export function registerAuditRoute(deps: AuditRouteDeps): void {
  const { config, store } = deps;
  deps.route(ENDPOINTS.audit, async (c) => {
    const req = deps.scopeOf(c);
    deps.requireFeature(req);
    const parsed = ENDPOINTS.audit.query.safeParse(queryObject(c.req.url));
    if (!parsed.success) throw badRequest(deps.formatZodError(parsed.error));
    const q = parsed.data;
    if (
      q.organizationIdentity !== undefined &&
      q.organizationIdentity !== req.org.identity &&
      q.organizationIdentity !== req.org.slug
    ) {
      throw badRequest(
        `organizationIdentity: must be the organisation of X-Organisation-Identity (${req.org.identity})`,
      );
    }
    const filter: AuditFilter = {
      actions: q.action,
      resourceTypes: q.resourceType,
      resourceIdentity: q.resourceIdentity,
      searchText: q.searchText,
      responseStatus: q.responseStatus,
      userIdentity: q.userIdentity,
      serviceAccount: q.serviceAccount,
      region:
        q.region === undefined
          ? undefined
          : (findByIdentityOrSlug(config.regions, q.region)?.identity ?? q.region),
      outcome: q.outcome,
      createdAfter: utc(q.createdAfter),
      createdBefore: utc(q.createdBefore),
    };
    const { items, total } = store.audit.list(req.org.identity, filter, q.page, q.limit);
    const page: AuditPage = {
      items,
      totalItems: total,
      page: q.page,
      itemsPerPage: q.limit,
      totalPages: Math.ceil(total / q.limit),
      totalCount: total,
    };
    return c.json(page);
  });
}
