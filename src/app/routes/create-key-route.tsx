import { getRouteApi } from '@tanstack/react-router';
import { CreateKeyPage } from '@/features/create-key';

const route = getRouteApi('/authed/regions/$region/keys/new');

export function CreateKeyRoute() {
  const { region } = route.useParams();
  const search = route.useSearch();
  return <CreateKeyPage region={region} search={search} />;
}
