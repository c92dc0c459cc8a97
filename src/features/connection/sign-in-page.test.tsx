import { QueryClient } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { configure, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { connectionStore } from './connection-store';
import { renderWithRouter } from '@/test/render';
import { SignInPage } from './sign-in-page';

// CI machines can be busy: give async queries room (no timing is asserted).
configure({ asyncUtilTimeout: 5000 });

function renderSignIn(url: string) {
  const queryClient = new QueryClient();
  queryClient.setQueryData(['stale'], 'from the previous connection');
  const { router } = renderWithRouter(
    url,
    (root) => {
      const signIn = createRoute({
        getParentRoute: () => root,
        path: '/sign-in',
        validateSearch: z.object({ redirect: z.string().optional() }),
        component: function SignInRoute() {
          return <SignInPage redirect={signIn.useSearch().redirect} />;
        },
      });
      const regions = createRoute({
        getParentRoute: () => root,
        path: '/regions',
        component: () => <h1>Regions page</h1>,
      });
      const keys = createRoute({
        getParentRoute: () => root,
        path: '/regions/$region/keys',
        component: () => <h1>Key list page</h1>,
      });
      return [signIn, regions, keys];
    },
    // The page signs in with the global fetch; no API client is in play before that.
    { fetchImpl: () => Promise.reject(new Error('no API client call expected')), queryClient },
  );
  return { router, queryClient };
}

function answer(status: number, json: unknown) {
  return vi.fn(async () => new Response(JSON.stringify(json), { status }));
}

afterEach(() => {
  vi.unstubAllGlobals();
  connectionStore.clear();
});

async function fill(user: ReturnType<typeof userEvent.setup>, token = 'tok-123') {
  await user.type(await screen.findByLabelText('Organisation'), 'org-local');
  await user.type(screen.getByLabelText('API token'), token);
}

describe('SignInPage', () => {
  it('checks the connection, keeps it in session storage and returns to the page', async () => {
    const fetchMock = answer(200, { featureEnabled: true, regions: [] });
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup();
    const { router, queryClient } = renderSignIn(
      '/sign-in?redirect=' + encodeURIComponent('/regions/nl-01/keys?q=pay'),
    );
    // No session began in this tab: nothing "ended".
    expect(await screen.findByText('Sign in to open the page you asked for.')).toBeInTheDocument();
    expect(screen.queryByText(/session ended/i)).toBeNull();
    await fill(user);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Key list page' })).toBeInTheDocument();
    expect(router.state.location.href).toBe('/regions/nl-01/keys?q=pay');
    expect(fetchMock).toHaveBeenCalledWith(
      '/v1/kms/summary',
      expect.objectContaining({
        headers: expect.objectContaining({
          Authorization: 'Bearer tok-123',
          'X-Organisation-Identity': 'org-local',
        }),
      }),
    );
    expect(connectionStore.get()).toEqual({
      baseUrl: '',
      token: 'tok-123',
      organisation: 'org-local',
    });
    expect(sessionStorage.getItem('kms.connection')).toContain('tok-123');
    expect(localStorage.length).toBe(0);
    expect(queryClient.getQueryData(['stale'])).toBeUndefined();
  });

  it('goes to the overview without a redirect', async () => {
    vi.stubGlobal('fetch', answer(200, { featureEnabled: false, regions: [] }));
    const user = userEvent.setup();
    renderSignIn('/sign-in');
    await fill(user);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Regions page' })).toBeInTheDocument();
  });

  it('puts a refused token on the token field and keeps the input', async () => {
    vi.stubGlobal('fetch', answer(401, { message: 'invalid token' }));
    const user = userEvent.setup();
    renderSignIn('/sign-in');
    await fill(user, 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(
      await screen.findByText(/The API refused this token: invalid token/),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('API token')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Organisation')).toHaveValue('org-local');
    expect(connectionStore.get()).toBeNull();
  });

  it('after a 401 later, says the token was refused and keeps the organisation filled', async () => {
    connectionStore.set({ baseUrl: '', token: 'tok-old', organisation: 'org-kept' });
    connectionStore.clear({ isRefused: true });
    renderSignIn('/sign-in?redirect=' + encodeURIComponent('/regions/nl-01/keys'));
    expect(await screen.findByText(/The API refused the token of this session/)).toBeVisible();
    expect(screen.queryByText(/session ended/i)).toBeNull();
    expect(screen.getByLabelText('Organisation')).toHaveValue('org-kept');
    expect(screen.getByLabelText('API token')).toHaveValue('');
  });

  it('puts an unknown organisation on the organisation field', async () => {
    vi.stubGlobal('fetch', answer(404, { message: 'organisation not found' }));
    const user = userEvent.setup();
    renderSignIn('/sign-in');
    await fill(user);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(
      await screen.findByText(/Organisation not found, or this token has no access/),
    ).toBeInTheDocument();
  });

  it('says when the address does not answer, and validates the URL first', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const user = userEvent.setup();
    renderSignIn('/sign-in');
    await fill(user);
    await user.type(screen.getByLabelText('API base URL'), 'ftp://x');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/Use an http:\/\/ or https:\/\/ address/)).toBeInTheDocument();
    await user.clear(screen.getByLabelText('API base URL'));
    await user.type(screen.getByLabelText('API base URL'), 'https://kms.example/');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/No answer from this address/)).toBeInTheDocument();
  });

  it('checks every field on submit, focuses the first in error, and clears each as it is fixed', async () => {
    const fetchMock = answer(200, { featureEnabled: true, regions: [] });
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup();
    renderSignIn('/sign-in');
    await user.type(await screen.findByLabelText('API base URL'), 'nope');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter the organisation identity or slug')).toBeVisible();
    expect(screen.getByText('Enter your API token')).toBeVisible();
    expect(screen.getByText(/Use an http:\/\/ or https:\/\/ address/)).toBeVisible();
    const organisation = screen.getByLabelText('Organisation');
    expect(organisation).toHaveFocus();
    expect(organisation).toHaveAttribute('aria-invalid', 'true');
    expect(organisation).toHaveAccessibleDescription(/Enter the organisation identity or slug/);
    expect(fetchMock).not.toHaveBeenCalled();
    // Corrected as typed: that field's error goes, the others stay until they are fixed.
    await user.type(organisation, 'org-local');
    expect(screen.queryByText('Enter the organisation identity or slug')).toBeNull();
    expect(organisation).not.toHaveAttribute('aria-invalid');
    expect(screen.getByText('Enter your API token')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByLabelText('API token')).toHaveFocus();
    expect(fetchMock).not.toHaveBeenCalled();
    await user.type(screen.getByLabelText('API token'), '  tok-123  ');
    await user.clear(screen.getByLabelText('API base URL'));
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Regions page' })).toBeInTheDocument();
    // The values sent are the trimmed ones.
    expect(connectionStore.get()).toEqual({
      baseUrl: '',
      token: 'tok-123',
      organisation: 'org-local',
    });
  });

  it('shows and hides the token', async () => {
    const user = userEvent.setup();
    renderSignIn('/sign-in');
    const token = await screen.findByLabelText('API token');
    expect(token).toHaveAttribute('type', 'password');
    await user.click(screen.getByRole('button', { name: 'Show token' }));
    expect(token).toHaveAttribute('type', 'text');
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Hide token' })).toBeInTheDocument(),
    );
  });
});
