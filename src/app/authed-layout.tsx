import { useQueryClient } from '@tanstack/react-query';
import {
  Link,
  Navigate,
  Outlet,
  useLocation,
  useNavigate,
  useSearch,
} from '@tanstack/react-router';
import { useMemo } from 'react';
import { ErrorBoundary } from '@/components/errors/error-boundary';
import { AppLayout } from '@/components/layout/app-layout';
import {
  ScopeSwitcher,
  connectionStore,
  forgetProjects,
  useConnection,
} from '@/features/connection';
// Directly, not through the feature's index: the first route must not carry the keys feature.
import { CommandPalette } from '@/features/palette/command-palette';
import { RegionSwitcher } from '@/features/regions';
import { createApiClient } from '@/lib/api-client';
import { ApiClientProvider } from '@/lib/api-context';

/** Everything behind sign-in: the API client of the connection + project scope, and the frame. */
export function AuthedLayout() {
  const connection = useConnection();
  const { project } = useSearch({ from: '__root__' });
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const client = useMemo(
    () =>
      connection
        ? createApiClient({
            ...connection,
            project,
            onUnauthorized: () => connectionStore.clear({ isRefused: true }),
          })
        : null,
    [connection, project],
  );

  if (!connection || !client) {
    // While the navigation to /sign-in is pending, this layout renders once more with the new
    // location: navigating again from there would nest redirects without end (the page hangs).
    if (location.pathname === '/sign-in') return null;
    return <Navigate to="/sign-in" search={{ redirect: location.href }} replace />;
  }

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
