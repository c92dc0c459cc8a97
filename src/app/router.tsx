import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
  retainSearchParams,
  type ParsedLocation,
} from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ErrorPanel } from '@/components/errors/error-panel';
// The first route's modules are imported directly, never through a feature's index.ts (which
// would pull every page of that feature into the first chunk); pages load with their route.
import { SignInLinkGate } from '@/features/connection/sign-in-link-gate';
import { keyDetailQuery, keyListQuery } from '@/features/keys/api/queries';
import { summaryQuery } from '@/features/regions/api/queries';
// Route search/param schemas are imported directly so the pages stay in their lazy chunks.
import { auditSearchSchema } from '@/features/audit/audit-search';
import { calendarSearchSchema } from '@/features/calendar/calendar-search';
import { createKeySearchSchema } from '@/features/create-key/create-key-search';
import { cryptoSearchSchema } from '@/features/crypto/crypto-search';
import { keyDetailTabSchema } from '@/features/keys/detail/key-detail-tabs';
import { keyListSearchSchema, readKeyListView } from '@/features/keys/list/key-list-search';
import { loadKeyPageTab } from './routes/key-page-chunks';
import { NotFoundPage } from './not-found-page';
import { preload, requireSession, type RouterContext } from './session';
import { reportUnreadableUrl, searchWithNotice } from './url-notice';
import { UrlNotices } from './url-notices';

/** Project scope lives in the URL (?project=…) and is kept on every navigation. */
const rootSearchSchema = z.object({ project: z.string().min(1).optional().catch(undefined) });

const rootRoute = createRootRouteWithContext<RouterContext>()({
  validateSearch: searchWithNotice(rootSearchSchema),
  search: { middlewares: [retainSearchParams(['project'])] },
  component: function Root() {
    return (
      <SignInLinkGate>
        <UrlNotices />
        <Outlet />
      </SignInLinkGate>
    );
  },
  notFoundComponent: NotFoundPage,
  errorComponent: ({ error, reset }) => <ErrorPanel error={error} onRetry={reset} />,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: z.object({ redirect: z.string().optional().catch(undefined) }),
  component: lazyRouteComponent(() => import('./routes/sign-in-route'), 'SignInRoute'),
});

/**
 * Everything behind sign-in. The guard runs before any child route loads: it waits for a sign-in
 * link being redeemed, then gives the session's API client to the children's loaders, or sends
 * the person to sign in (and back here afterwards).
 */
const authedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'authed',
  beforeLoad: ({ location, search }) => requireSession(location.href, search.project),
  // The frame (header, switchers, palette) loads with the first page behind sign-in, in parallel
  // with that page's own chunk: the sign-in page does not carry it.
  component: lazyRouteComponent(() => import('./authed-layout'), 'AuthedLayout'),
  errorComponent: ({ error, reset }) => <ErrorPanel error={error} onRetry={reset} />,
});

const indexRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/regions' });
  },
});

const regionsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/regions',
  loader: ({ context }) => preload(context.queryClient, summaryQuery(context.client)),
  component: lazyRouteComponent(() => import('./routes/regions-route'), 'RegionsRoute'),
});

const auditRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/audit',
  validateSearch: auditSearchSchema,
  component: lazyRouteComponent(() => import('./routes/audit-route'), 'AuditRoute'),
});

const calendarRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/calendar',
  validateSearch: searchWithNotice(calendarSearchSchema),
  component: lazyRouteComponent(() => import('./routes/calendar-route'), 'CalendarRoute'),
});

const keyListRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/regions/$region/keys',
  validateSearch: searchWithNotice(keyListSearchSchema),
  loader: ({ context, params, location }) => {
    // The URL's lookup filters pick the list (a search that does not parse: the page reports it).
    const search = keyListSearchSchema.safeParse(location.search);
    const lookup = search.success ? readKeyListView(search.data).lookup : {};
    preload(context.queryClient, keyListQuery(context.client, params.region, lookup));
    preload(context.queryClient, summaryQuery(context.client));
  },
  component: lazyRouteComponent(() => import('./routes/key-list-route'), 'KeyListRoute'),
});

const createKeyRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/regions/$region/keys/new',
  validateSearch: searchWithNotice(createKeySearchSchema),
  loader: ({ context }) => preload(context.queryClient, summaryQuery(context.client)),
  component: lazyRouteComponent(() => import('./routes/create-key-route'), 'CreateKeyRoute'),
});

const keyDetailRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/regions/$region/keys/$keyId',
  loader: ({ context, params }) => {
    preload(context.queryClient, keyDetailQuery(context.client, params.region, params.keyId));
    return loadKeyPageTab('overview');
  },
  component: lazyRouteComponent(() => import('./routes/key-detail-route'), 'KeyOverviewRoute'),
});

const keyDetailTabRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/regions/$region/keys/$keyId/$tab',
  validateSearch: searchWithNotice(cryptoSearchSchema),
  params: {
    // An unknown tab is never an error page: it is reported, and beforeLoad opens the overview.
    parse: ({ tab, ...rest }) => ({
      ...rest,
      tab: keyDetailTabSchema
        .catch(() => {
          reportUnreadableUrl(`There is no “${tab}” tab on a key page: showing its overview.`, tab);
          return 'overview' as const;
        })
        .parse(tab),
    }),
    stringify: ({ tab, ...rest }) => ({ ...rest, tab }),
  },
  loader: ({ context, params }) => {
    preload(context.queryClient, keyDetailQuery(context.client, params.region, params.keyId));
    return loadKeyPageTab(params.tab);
  },
  beforeLoad: ({ location }: { location: ParsedLocation }): void => {
    // The overview is the same path without its last segment.
    const [, overview = '', segment = ''] = /^(.*)\/([^/]*)$/.exec(location.pathname) ?? [];
    if (!isKeyDetailTab(safeDecode(segment)))
      throw redirect({ href: `${overview}${location.searchStr}`, replace: true });
  },
  component: lazyRouteComponent(() => import('./routes/key-detail-route'), 'KeyTabRoute'),
});

const isKeyDetailTab = (tab: string) => keyDetailTabSchema.safeParse(tab).success;

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const routeTree = rootRoute.addChildren([
  signInRoute,
  authedRoute.addChildren([
    indexRoute,
    regionsRoute,
    auditRoute,
    calendarRoute,
    keyListRoute,
    createKeyRoute,
    keyDetailRoute,
    keyDetailTabRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    scrollRestoration: true,
    defaultNotFoundComponent: NotFoundPage,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
