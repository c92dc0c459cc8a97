import { getRouteApi } from '@tanstack/react-router';
import { KeyListPage } from '@/features/keys';

const route = getRouteApi('/authed/regions/$region/keys');

export function KeyListRoute() {
  const { region } = route.useParams();
  const search = route.useSearch();
  return <KeyListPage region={region} search={search} />;
}
