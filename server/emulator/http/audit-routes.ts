import { ENDPOINTS } from '../../../src/contract/index';
import type { AuditPage } from '../../../src/contract/index';
import { findByIdentityOrSlug } from '../config';
import type { AuditFilter } from '../store/audit-store';
import { formatZodError } from './context';
import { badRequest } from './errors';
import type { RouteDeps } from './route-deps';

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
export function registerAuditRoutes({ route, ctx, config, store }: RouteDeps): void {
  route(ENDPOINTS.audit, async (c) => {
    const req = ctx.scopeOf(c);
    ctx.requireFeature(req);
    const parsed = ENDPOINTS.audit.query.safeParse(queryObject(c.req.url));
    if (!parsed.success) throw badRequest(formatZodError(parsed.error));
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
