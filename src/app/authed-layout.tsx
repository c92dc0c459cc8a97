import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, Outlet, useLocation, useNavigate } from '@tanstack/react-router';
import { ErrorBoundary } from '@/components/errors/error-boundary';
import { AppLayout } from '@/components/layout/app-layout';
import { connectionStore } from '@/features/connection/connection-store';
import { forgetProjects } from '@/features/connection/recent-projects';
import { ScopeSwitcher } from '@/features/connection/scope-switcher';
// Directly, not through the feature's index: the first route must not carry the keys feature.
import { CommandPalette } from '@/features/palette/command-palette';
import { RegionSwitcher } from '@/features/regions/region-switcher';
import { ApiClientProvider } from '@/lib/api-context';

const authedRoute = getRouteApi('/authed');

/**
 * Everything behind sign-in: the frame, and the API client of the session and project scope
 * (the route's guard made it; see router.tsx) for the pages' query hooks.
 */
export function AuthedLayout() {
  const { client } = authedRoute.useRouteContext();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const signOut = () => {
    connectionStore.clear();
    forgetProjects();
    queryClient.clear();
    void navigate({ to: '/sign-in', search: {} });
  };

  return (
    <ApiClientProvider client={client}>
      <AppLayout
        brandLink={(brand) => (
          <Link to="/regions" aria-label="Thalassa KMS: regions overview">
            {brand}
          </Link>
        )}
        nav={
          <>
            <Link to="/regions">Keys</Link>
            <Link to="/audit">Audit log</Link>
            <Link to="/calendar">Calendar</Link>
          </>
        }
        context={
          <>
            <ScopeSwitcher />
            <RegionSwitcher />
          </>
        }
        search={<CommandPalette onSignOut={signOut} />}
        onSignOut={signOut}
        menuKey={location.href}
      >
        <ErrorBoundary resetKey={location.pathname}>
          <Outlet />
        </ErrorBoundary>
      </AppLayout>
    </ApiClientProvider>
  );
}
