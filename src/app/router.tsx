import {
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  redirect,
  retainSearchParams,
} from '@tanstack/react-router';
import { z } from 'zod';
import { ErrorPanel } from '@/components/errors/error-panel';
import { CreateKeyPage, createKeySearchSchema } from '@/features/create-key';
import { CryptoPanel, cryptoSearchSchema } from '@/features/crypto';
import { SignInPage } from '@/features/connection';
import {
  KeyDetailPage,
  keyDetailTabSchema,
  KeyListPage,
  keyListSearchSchema,
} from '@/features/keys';
import { RegionsPage } from '@/features/regions';
import { AuthedLayout } from './authed-layout';
import { NotFoundPage } from './not-found-page';

/** Project scope lives in the URL (?project=…) and is kept on every navigation. */
const rootSearchSchema = z.object({ project: z.string().min(1).optional().catch(undefined) });

const rootRoute = createRootRoute({
  validateSearch: rootSearchSchema,
  search: { middlewares: [retainSearchParams(['project'])] },
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: ({ error, reset }) => <ErrorPanel error={error} onRetry={reset} />,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: z.object({ redirect: z.string().optional().catch(undefined) }),
  component: function SignInRoute() {
    const { redirect: to } = signInRoute.useSearch();
    return <SignInPage redirect={to} />;
  },
});

const authedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'authed',
  component: AuthedLayout,
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
  component: RegionsPage,
});

const keyListRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/regions/$region/keys',
  validateSearch: keyListSearchSchema,
  component: function KeyListRoute() {
    const { region } = keyListRoute.useParams();
    const search = keyListRoute.useSearch();
    return <KeyListPage region={region} search={search} />;
  },
});

const createKeyRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/regions/$region/keys/new',
  validateSearch: createKeySearchSchema,
  component: function CreateKeyRoute() {
    const { region } = createKeyRoute.useParams();
    const search = createKeyRoute.useSearch();
    return <CreateKeyPage region={region} search={search} />;
  },
});

const keyDetailRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/regions/$region/keys/$keyId',
  component: function KeyDetailRoute() {
    const { region, keyId } = keyDetailRoute.useParams();
    return (
      <KeyDetailPage
        region={region}
        keyId={keyId}
        tab="overview"
        renderCrypto={(key) => <CryptoPanel region={region} cryptoKey={key} search={{}} />}
      />
    );
  },
});

const keyDetailTabRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/regions/$region/keys/$keyId/$tab',
  validateSearch: cryptoSearchSchema,
  params: {
    parse: ({ tab, ...rest }) => ({ ...rest, tab: keyDetailTabSchema.parse(tab) }),
    stringify: ({ tab, ...rest }) => ({ ...rest, tab }),
  },
  component: function KeyDetailTabRoute() {
    const { region, keyId, tab } = keyDetailTabRoute.useParams();
    const search = keyDetailTabRoute.useSearch();
    return (
      <KeyDetailPage
        region={region}
        keyId={keyId}
        tab={tab}
        renderCrypto={(key) => <CryptoPanel region={region} cryptoKey={key} search={search} />}
      />
    );
  },
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  authedRoute.addChildren([
    indexRoute,
    regionsRoute,
    keyListRoute,
    createKeyRoute,
    keyDetailRoute,
    keyDetailTabRoute,
  ]),
]);

export function createAppRouter() {
  return createRouter({
    routeTree,
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
