import { RegionsPage } from '@/features/regions';

export function RegionsRoute() {
  return <RegionsPage />;
}
