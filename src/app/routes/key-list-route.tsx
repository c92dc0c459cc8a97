import { getRouteApi } from '@tanstack/react-router';
// Directly, not through the feature's index: the key pages stay out of the list's chunks.
import { KeyListPage } from '@/features/keys/list/key-list-page';

const route = getRouteApi('/authed/regions/$region/keys');

export function KeyListRoute() {
  const { region } = route.useParams();
  const search = route.useSearch();
  return <KeyListPage region={region} search={search} />;
}
