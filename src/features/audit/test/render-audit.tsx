import { createRoute } from '@tanstack/react-router';
import { auditLogSchema, type AuditLog, type AuditPage as Page } from '@/contract';
import { renderWithRouter } from '@/test/render';
import { AuditPage } from '../audit-page';
import { auditSearchSchema } from '../audit-search';

let seq = 0;
/** A contract-valid record; parsed so tests never hold an off-contract shape. */
export function makeEvent(overrides: Record<string, unknown> = {}): AuditLog {
  seq += 1;
  return auditLogSchema.parse({
    createdAt: '2026-11-29T12:00:00.000Z',
    eventID: `evt-${seq}`,
    action: 'kms.encrypt',
    description: 'Encrypt with key orders',
    resourceType: 'kms_key',
    resourceIdentity: 'kms-orders',
    organizationIdentity: 'org-test',
    userIdentity: 'local-token',
    context: { region: 'nl-01', keyVersion: '1', responseStatus: 200, outcome: 'success' },
    ...overrides,
  });
}

export function page(items: AuditLog[], total = items.length, p = 1, limit = 50): Page {
  return {
    items,
    totalItems: total,
    page: p,
    itemsPerPage: limit,
    totalPages: Math.ceil(total / limit),
    totalCount: total,
  };
}

/** Answers /v1/audit with `answer(query)` and the summary with two regions; records queries. */
export function stubAuditFetch(answer: (q: URLSearchParams) => Page) {
  const queries: URLSearchParams[] = [];
  const fetchImpl: typeof fetch = async (input) => {
    const url = new URL(String(input), 'http://localhost');
    let json: unknown = { message: 'not found' };
    let status = 404;
    if (url.pathname === '/v1/audit') {
      queries.push(url.searchParams);
      [status, json] = [200, answer(url.searchParams)];
    } else if (url.pathname === '/v1/kms/summary') {
      const region = (slug: string) => ({
        identity: slug,
        slug,
        name: slug.toUpperCase(),
        kmsAvailable: true,
        totalKeys: 0,
        activeKeys: 0,
        disabledKeys: 0,
        pendingDeletionKeys: 0,
      });
      [status, json] = [200, { featureEnabled: true, regions: [region('nl-01'), region('nl-02')] }];
    }
    return new Response(JSON.stringify(json), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  return { fetchImpl, queries };
}

/** Renders the Audit page at a URL inside a memory router, a fresh QueryClient and a stub API. */
export function renderAuditPage(url: string, fetchImpl: typeof fetch) {
  return renderWithRouter(
    url,
    (root) => {
      const auditRoute = createRoute({
        getParentRoute: () => root,
        path: '/audit',
        validateSearch: auditSearchSchema,
        component: function AuditRoute() {
          return <AuditPage search={auditRoute.useSearch()} />;
        },
      });
      const stub = (path: string) =>
        createRoute({ getParentRoute: () => root, path, component: () => <h1>{path}</h1> });
      return [
        auditRoute,
        stub('/regions'),
        stub('/regions/$region/keys/$keyId'),
        stub('/regions/$region/keys/$keyId/$tab'),
      ];
    },
    { fetchImpl },
  );
}
