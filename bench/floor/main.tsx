/**
 * The bench's floor: the smallest app of the console's stack (React, react-dom, TanStack Router
 * and Query, the contract's schema) that fetches the key list of a region, validates it and
 * renders its first rows. Each console route's JS is reported as a ratio to this app's JS.
 * The token and organisation come in the fragment (`#token=…&org=…`), as for the plain-DOM pages.
 */
import { QueryClient, QueryClientProvider, queryOptions, useQuery } from '@tanstack/react-query';
import {
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import { createRoot } from 'react-dom/client';
import { keyListSchema } from '@/contract';

const fragment = new URLSearchParams(location.hash.slice(1));

const listQuery = (region: string) =>
  queryOptions({
    queryKey: ['keys', region],
    queryFn: async () => {
      const res = await fetch(`/v1/kms/${region}/keys`, {
        headers: {
          Authorization: `Bearer ${fragment.get('token') ?? ''}`,
          'X-Organisation-Identity': fragment.get('org') ?? '',
        },
      });
      return keyListSchema.parse(await res.json());
    },
  });

const queryClient = new QueryClient();
const rootRoute = createRootRoute({ component: Outlet });
const listRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/regions/$region/keys',
  loader: ({ params }) => void queryClient.prefetchQuery(listQuery(params.region)),
  component: function KeyList() {
    const { region } = listRoute.useParams();
    const { data } = useQuery(listQuery(region));
    return (
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Identity</th>
            <th>Type</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {(data ?? []).slice(0, 40).map((k, i) => (
            <tr key={k.identity} aria-rowindex={i + 2}>
              <td>{k.name}</td>
              <td>{k.identity}</td>
              <td>{k.keyType}</td>
              <td>{k.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  },
});
const router = createRouter({
  routeTree: rootRoute.addChildren([listRoute]),
  basepath: '/__bench/floor',
});

createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={queryClient}>
    <RouterProvider router={router} />
  </QueryClientProvider>,
);
