import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ToastProvider } from '@/components/ui/toast';
import { connectionStore } from './connection-store';
import { signInLinkStore, startSignInLink } from './sign-in-link';
import { SignInLinkGate } from './sign-in-link-gate';

configure({ asyncUtilTimeout: 5000 });

const CURRENT = { token: 'old-token', organisation: 'org-a', baseUrl: 'https://kms.example' };

/** Opens `#code=…` while signed in to CURRENT; the code grants org-b on this origin. */
async function openLinkWhileSignedIn() {
  connectionStore.set(CURRENT);
  window.history.replaceState(null, '', '/regions#code=abc');
  await startSignInLink(window, async () => ({ token: 'new-token', organisation: 'org-b' }));
  const queryClient = new QueryClient();
  queryClient.setQueryData(['keys'], 'from org-a');
  render(
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <SignInLinkGate>
          <h1>Console</h1>
        </SignInLinkGate>
      </ToastProvider>
    </QueryClientProvider>,
  );
  return { queryClient, dialog: await screen.findByRole('dialog') };
}

afterEach(() => {
  connectionStore.clear();
  signInLinkStore.dismiss();
});

describe('SignInLinkGate', () => {
  it('asks before switching, naming both organisations and servers', async () => {
    const { dialog } = await openLinkWhileSignedIn();
    expect(window.location.hash).toBe('');
    expect(dialog).toHaveTextContent('Switch to another session?');
    expect(dialog).toHaveTextContent(`Switch toorganisation org-b on ${window.location.origin}`);
    expect(dialog).toHaveTextContent('Signed in noworganisation org-a on https://kms.example');
    expect(connectionStore.get()).toEqual(CURRENT);
  });

  it('keeps the current session when declined', async () => {
    const user = userEvent.setup();
    const { queryClient } = await openLinkWhileSignedIn();
    await user.click(screen.getByRole('button', { name: 'Keep current session' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(connectionStore.get()).toEqual(CURRENT);
    expect(queryClient.getQueryData(['keys'])).toBe('from org-a');
  });

  it('keeps it on Escape too', async () => {
    const user = userEvent.setup();
    await openLinkWhileSignedIn();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(connectionStore.get()).toEqual(CURRENT);
  });

  it('switches, with a fresh cache, once confirmed', async () => {
    const user = userEvent.setup();
    const { queryClient } = await openLinkWhileSignedIn();
    await user.click(screen.getByRole('button', { name: 'Switch session' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(connectionStore.get()).toEqual({
      token: 'new-token',
      organisation: 'org-b',
      baseUrl: '',
    });
    expect(queryClient.getQueryData(['keys'])).toBeUndefined();
  });
});
