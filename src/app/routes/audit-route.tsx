import { getRouteApi } from '@tanstack/react-router';
import { AuditPage } from '@/features/audit';

const route = getRouteApi('/authed/audit');

export function AuditRoute() {
  const search = route.useSearch();
  return <AuditPage search={search} />;
}
