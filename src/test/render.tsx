import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  createMemoryHistory,
  createRootRoute,
  createRouter,
  Outlet,
  RouterProvider,
  type AnyRoute,
} from '@tanstack/react-router';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { z } from 'zod';
import { ToastProvider } from '@/components/ui/toast';
import { TooltipProvider } from '@/components/ui/tooltip';
import { createApiClient, type ApiClient } from '@/lib/api-client';
import { ApiClientProvider } from '@/lib/api-context';

/**
 * One way for component tests to render inside the app's providers: a fresh QueryClient (no
 * retries), an API client over a fetch stand-in, tooltips and toasts, and optionally a memory
 * router. Feature test helpers add only their routes and stand-in API.
 */
export interface ProviderOptions {
  fetchImpl: typeof fetch;
  /** The organisation the API client sends (default `org-test`). */
  organisation?: string;
  /** A prepared QueryClient (e.g. with cached data); default a fresh one without retries. */
  queryClient?: QueryClient;
}

export interface TestProviders {
  queryClient: QueryClient;
  client: ApiClient;
  /** The same API client for another project scope (as the signed-in layout makes one). */
  clientFor: (project?: string) => ApiClient;
  Wrapper: (props: { children: ReactNode }) => ReactNode;
}

export function testProviders(options: ProviderOptions): TestProviders {
  const queryClient =
    options.queryClient ??
    new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const clientFor = (project?: string) =>
    createApiClient({
      baseUrl: '',
      token: 'test-token',
      organisation: options.organisation ?? 'org-test',
      project,
      fetchImpl: options.fetchImpl,
    });
  const client = clientFor();
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <QueryClientProvider client={queryClient}>
        <ApiClientProvider client={client}>
          <TooltipProvider>
            <ToastProvider>{children}</ToastProvider>
          </TooltipProvider>
        </ApiClientProvider>
      </QueryClientProvider>
    );
  }
  return { queryClient, client, clientFor, Wrapper };
}

/** Renders `ui` inside the providers. */
export function renderWithProviders(ui: ReactNode, options: ProviderOptions) {
  const { Wrapper, ...providers } = testProviders(options);
  return { ...render(ui, { wrapper: Wrapper }), ...providers };
}

/**
 * Renders a memory router at `url` inside the providers. `routes` builds the route tree's
 * children on the root route, which accepts the app's `?project=` search like the real one;
 * `switchProject` re-renders with the API client of another project scope.
 */
export function renderWithRouter(
  url: string,
  routes: (root: AnyRoute) => AnyRoute[],
  options: ProviderOptions,
) {
  const root = createRootRoute({
    validateSearch: z.object({ project: z.string().optional() }),
    component: Outlet,
  });
  const router = createRouter({
    routeTree: root.addChildren(routes(root)),
    history: createMemoryHistory({ initialEntries: [url] }),
  });
  const { Wrapper, ...providers } = testProviders(options);
  const tree = (client: ApiClient) => (
    <ApiClientProvider client={client}>
      <RouterProvider router={router} />
    </ApiClientProvider>
  );
  const view = render(tree(providers.client), { wrapper: Wrapper });
  /** Switches the API client to another project scope, as the signed-in layout does. */
  const switchProject = (project: string) => view.rerender(tree(providers.clientFor(project)));
  return { ...view, ...providers, router, switchProject };
}
