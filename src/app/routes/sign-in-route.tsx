import { getRouteApi } from '@tanstack/react-router';
// Directly, not through the feature's index: the form library loads with this route only.
import { SignInPage } from '@/features/connection/sign-in-page';

const route = getRouteApi('/sign-in');

export function SignInRoute() {
  const { redirect } = route.useSearch();
  return <SignInPage redirect={redirect} />;
}
