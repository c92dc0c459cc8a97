import type { EnsureQueryDataOptions, QueryClient, QueryKey } from '@tanstack/react-query';
import { redirect } from '@tanstack/react-router';
import { connectionStore, type StoredConnection } from '@/features/connection/connection-store';
import { whenSignInLinkSettled } from '@/features/connection/sign-in-link';
import { createApiClient, type ApiClient } from '@/lib/api-client';

/** What every route sees: the one QueryClient (loaders fill it). */
export interface RouterContext {
  queryClient: QueryClient;
}

let last: { connection: StoredConnection; project?: string; client: ApiClient } | null = null;

/**
 * The API client of a connection and project scope: the same object while both stay the same
 * (the signed-in layout provides it to components; loaders use it through the route context).
 */
export function clientFor(connection: StoredConnection, project: string | undefined): ApiClient {
  if (last && last.connection === connection && last.project === project) return last.client;
  const client = createApiClient({
    ...connection,
    project,
    onUnauthorized: () => connectionStore.clear({ isRefused: true }),
  });
  last = { connection, project, client };
  return client;
}

/**
 * The sign-in guard of every route behind sign-in (`beforeLoad`): once a sign-in link in the
 * address is dealt with, the session's client for the URL's project, or a redirect to sign-in
 * that comes back to `href`.
 */
export async function requireSession(
  href: string,
  project: string | undefined,
): Promise<{ client: ApiClient }> {
  await whenSignInLinkSettled();
  const connection = connectionStore.get();
  if (!connection) throw redirect({ to: '/sign-in', search: { redirect: href }, replace: true });
  return { client: clientFor(connection, project) };
}

/**
 * Starts a route's request as soon as the route is known (a loader), without waiting for it: the
 * page renders at once and shows its own loading and error states for the same query.
 */
export function preload<TData, TKey extends QueryKey>(
  queryClient: QueryClient,
  options: EnsureQueryDataOptions<TData, Error, TData, TKey>,
): void {
  queryClient.ensureQueryData(options).catch(() => undefined);
}
