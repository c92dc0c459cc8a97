import { getRouteApi } from '@tanstack/react-router';
import { CalendarPage } from '@/features/calendar';

const route = getRouteApi('/authed/calendar');

export function CalendarRoute() {
  const search = route.useSearch();
  return <CalendarPage search={search} />;
}
