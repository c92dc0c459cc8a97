import { getRouteApi } from '@tanstack/react-router';
// Directly, not through the feature's index: other features' chunks stay without the page.
import { AuditPage } from '@/features/audit/audit-page';

const route = getRouteApi('/authed/audit');

export function AuditRoute() {
  const search = route.useSearch();
  return <AuditPage search={search} />;
}
