import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Key } from '@/contract';
import { connectionStore, rememberProject } from '@/features/connection';
import { keyKeys } from '@/features/keys';
import { createApiClient } from '@/lib/api-client';
import { ApiClientProvider } from '@/lib/api-context';
import { CommandPalette } from './command-palette';
import { makeKey } from '@/test/make-key';

const ORG = 'org-test';
const cached = makeKey({ name: 'Billing envelope' });
const archive = makeKey({ name: 'Billing archive' });
const webhooks = makeKey({ name: 'Billing webhooks', labels: { team: 'web' } });

const region = (slug: string) => ({
  identity: slug,
  slug,
  name: `Region ${slug}`,
  kmsAvailable: true,
  totalKeys: 1,
  activeKeys: 1,
  disabledKeys: 0,
  pendingDeletionKeys: 0,
});

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/**
 * The API: nl-01 of organisation scope never answers (the cache has it), nl-02 answers when the
 * test says so, project web answers at once in nl-01 and fails in nl-02.
 */
function stubApi() {
  let answerNl02: (keys: Key[]) => void = () => {};
  const nl02 = new Promise<Key[]>((resolve) => (answerNl02 = resolve));
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const project = new Headers(init?.headers).get('X-Project-Identity');
    if (url.pathname === '/v1/kms/summary')
      return json({ featureEnabled: true, regions: [region('nl-01'), region('nl-02')] });
    const list = /^\/v1\/kms\/([^/]+)\/keys$/.exec(url.pathname)?.[1];
    if (project === 'web')
      return list === 'nl-01' ? json([webhooks]) : json({ message: 'Region unavailable' }, 503);
    if (list === 'nl-02') return json(await nl02);
    return new Promise<Response>(() => {});
  });
  return { fetchImpl, answerNl02 };
}

function renderPalette(fetchImpl: typeof fetch) {
  vi.stubGlobal('fetch', fetchImpl);
  connectionStore.set({ baseUrl: '', token: 'test-token', organisation: ORG });
  rememberProject(ORG, 'web');
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const client = createApiClient({ baseUrl: '', token: 'test-token', organisation: ORG });
  queryClient.setQueryData(keyKeys.list(client.scopeKey, 'nl-01', {}), [cached]);
  const rootRoute = createRootRoute({
    component: () => (
      <>
        <CommandPalette onSignOut={() => {}} />
        <Outlet />
      </>
    ),
  });
  const page = (path: string) =>
    createRoute({ getParentRoute: () => rootRoute, path, component: () => <p>{path}</p> });
  const router = createRouter({
    routeTree: rootRoute.addChildren([
      page('/regions'),
      page('/regions/$region/keys'),
      page('/regions/$region/keys/$keyId'),
    ]),
    history: createMemoryHistory({ initialEntries: ['/regions'] }),
  });
  render(
    <QueryClientProvider client={queryClient}>
      <ApiClientProvider client={client}>
        <RouterProvider router={router} />
      </ApiClientProvider>
    </QueryClientProvider>,
  );
  return router;
}

afterEach(() => {
  vi.unstubAllGlobals();
  connectionStore.clear();
});

describe('CommandPalette', () => {
  it('shows cached keys first, fills in as regions answer, names a failed list, and opens a key from the keyboard', async () => {
    const { fetchImpl, answerNl02 } = stubApi();
    const router = renderPalette(fetchImpl);
    await screen.findByRole('button', { name: 'Search keys and commands' });
    fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    // The search loads lazily on first open: the first transform can take a while in a test.
    const field = await screen.findByRole(
      'combobox',
      { name: 'Search keys and commands' },
      { timeout: 10_000 },
    );
    expect(field).toHaveFocus();
    const user = userEvent.setup();
    await user.type(field, 'billing');

    // The cached list answers at once; the project's list as soon as it arrives.
    const listbox = screen.getByRole('listbox', { name: 'Results' });
    const orgNl01 = await within(listbox).findByRole('group', {
      name: 'Region nl-01 (nl-01) · organisation scope',
    });
    expect(within(orgNl01).getByRole('option', { name: /Billing envelope/ })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await within(listbox).findByRole('group', { name: 'Region nl-01 (nl-01) · project web' });
    expect(screen.getByRole('status')).toHaveTextContent(/Searching… \d of 4 lists answered/);
    expect(screen.getByRole('status')).toHaveTextContent('Not searched: nl-02 in project web (');
    expect(within(listbox).queryByText('Billing archive')).toBeNull();

    await act(async () => answerNl02([archive]));
    const orgNl02 = await within(listbox).findByRole('group', {
      name: 'Region nl-02 (nl-02) · organisation scope',
    });
    const archiveOption = within(orgNl02).getByRole('option', { name: /Billing archive/ });

    // Typing went on while lists arrived: the field holds every character.
    expect(field).toHaveValue('billing');
    await user.keyboard('{ArrowDown}');
    expect(archiveOption).toHaveAttribute('aria-selected', 'true');
    expect(field).toHaveAttribute('aria-activedescendant', archiveOption.id);
    await user.keyboard('{Enter}');
    expect(router.state.location.pathname).toBe(`/regions/nl-02/keys/${archive.identity}`);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('finds a project key by label and opens it in its project', async () => {
    const { fetchImpl } = stubApi();
    const router = renderPalette(fetchImpl);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Search keys and commands' }));
    await user.type(await screen.findByRole('combobox', {}, { timeout: 10_000 }), 'team=web');
    await user.click(await screen.findByRole('option', { name: /Billing webhooks/ }));
    expect(router.state.location.pathname).toBe(`/regions/nl-01/keys/${webhooks.identity}`);
    expect(router.state.location.search).toEqual({ project: 'web' });
  });
});
