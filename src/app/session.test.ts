import { isRedirect } from '@tanstack/react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectionStore, startSignInLink } from '@/features/connection';
import { clientFor, requireSession } from './session';

const session = { baseUrl: '', token: 'tok', organisation: 'org-local' };

afterEach(() => connectionStore.clear());

describe('requireSession (the sign-in guard)', () => {
  it('sends a visitor without a session to sign-in, with the way back', async () => {
    const result = await requireSession('/regions/nl-01/keys?q=pay', undefined).catch((e) => e);
    expect(isRedirect(result)).toBe(true);
    expect(result.options).toMatchObject({
      to: '/sign-in',
      search: { redirect: '/regions/nl-01/keys?q=pay' },
    });
  });

  it('gives the session’s client for the project in the URL', async () => {
    connectionStore.set(session);
    const { client } = await requireSession('/regions', 'proj-web');
    expect(client.organisation).toBe('org-local');
    expect(client.project).toBe('proj-web');
    expect(clientFor(connectionStore.get()!, 'proj-web')).toBe(client);
    expect(clientFor(connectionStore.get()!, 'proj-ci')).not.toBe(client);
  });

  it('waits for a sign-in link being redeemed instead of redirecting meanwhile', async () => {
    type Granted = { token: string; organisation: string };
    let grant: (value: Granted) => void = () => undefined;
    const redeem = vi.fn(() => new Promise<Granted>((resolve) => (grant = resolve)));
    const win = {
      location: { hash: '#code=abc', pathname: '/regions', search: '' },
      history: { state: null, replaceState: () => undefined },
    } as unknown as Pick<Window, 'location' | 'history'>;
    const linked = startSignInLink(win, redeem);
    const guarded = requireSession('/regions', undefined);
    grant({ token: 'from-link', organisation: 'org-local' });
    await linked;
    const { client } = await guarded;
    expect(client.organisation).toBe('org-local');
    expect(connectionStore.get()?.token).toBe('from-link');
  });
});
