import { afterEach, describe, expect, it, vi } from 'vitest';
import { NetworkError, SignInCodeError } from '@/lib/api-client';
import { connectionStore } from './connection-store';
import { signInLinkStore, startSignInLink, takeSignInFragment } from './sign-in-link';

function fakeWindow(href: string) {
  const url = new URL(href);
  let replaced: string | null = null;
  const win = {
    location: { hash: url.hash, pathname: url.pathname, search: url.search },
    history: {
      state: null,
      replaceState: (_s: unknown, _t: string, next: string) => {
        replaced = next;
      },
    },
  };
  // The link code only reads these members.
  return { win: win as unknown as Pick<Window, 'location' | 'history'>, replaced: () => replaced };
}

const granted = (organisation = 'org-local', token = 'tok-from-code') =>
  vi.fn(async () => ({ token, organisation }));

afterEach(() => {
  connectionStore.clear();
  signInLinkStore.dismiss();
});

describe('takeSignInFragment', () => {
  it('removes a code link from the address bar, keeping path and query', () => {
    const { win, replaced } = fakeWindow('http://x/regions?project=proj-web#code=abc_-1');
    expect(takeSignInFragment(win)).toEqual({ kind: 'code', code: 'abc_-1' });
    expect(replaced()).toBe('/regions?project=proj-web');
  });

  it('removes a token or API-base link and reports it as legacy', () => {
    for (const hash of ['#token=t&org=o', '#token=t&org=o&baseUrl=https://evil', '#code=c&token=t'])
      expect(takeSignInFragment(fakeWindow(`http://x/${hash}`).win), hash).toEqual({
        kind: 'legacy',
      });
  });

  it('leaves other fragments alone', () => {
    const { win, replaced } = fakeWindow('http://x/regions#main');
    expect(takeSignInFragment(win)).toBeNull();
    expect(replaced()).toBeNull();
  });
});

describe('startSignInLink', () => {
  it('signs in with a redeemed code when there is no session', async () => {
    const redeem = granted();
    const { win } = fakeWindow('http://x/#code=abc');
    await startSignInLink(win, redeem);
    expect(redeem).toHaveBeenCalledWith('abc');
    expect(connectionStore.get()).toEqual({
      token: 'tok-from-code',
      organisation: 'org-local',
      baseUrl: '',
    });
    expect(signInLinkStore.get()).toEqual({ kind: 'idle' });
    expect(localStorage.length).toBe(0);
  });

  it('never replaces a session by itself: it asks, and declining keeps the session', async () => {
    const current = { token: 'old', organisation: 'org-a', baseUrl: 'https://api.example' };
    connectionStore.set(current);
    await startSignInLink(fakeWindow('http://x/#code=abc').win, granted('org-b'));
    expect(connectionStore.get()).toEqual(current);
    expect(signInLinkStore.get()).toEqual({
      kind: 'confirm',
      current,
      incoming: { token: 'tok-from-code', organisation: 'org-b', baseUrl: '' },
    });
    signInLinkStore.dismiss();
    signInLinkStore.acceptSwitch();
    expect(connectionStore.get()).toEqual(current);
  });

  it('switches once the person confirms', async () => {
    connectionStore.set({ token: 'old', organisation: 'org-a', baseUrl: '' });
    await startSignInLink(fakeWindow('http://x/#code=abc').win, granted('org-b'));
    signInLinkStore.acceptSwitch();
    expect(connectionStore.get()).toMatchObject({ token: 'tok-from-code', organisation: 'org-b' });
    expect(signInLinkStore.get()).toEqual({ kind: 'idle' });
  });

  it('does not ask when the link gives the session already in use', async () => {
    connectionStore.set({ token: 'tok-from-code', organisation: 'org-local', baseUrl: '' });
    await startSignInLink(fakeWindow('http://x/#code=abc').win, granted());
    expect(signInLinkStore.get()).toEqual({ kind: 'idle' });
  });

  it('a legacy token link never signs in, and is never sent anywhere', async () => {
    const redeem = granted();
    await startSignInLink(fakeWindow('http://x/#token=secret&org=org-local').win, redeem);
    expect(redeem).not.toHaveBeenCalled();
    expect(connectionStore.get()).toBeNull();
    expect(signInLinkStore.get()).toEqual({ kind: 'legacy' });
    expect(JSON.stringify({ ...sessionStorage })).not.toContain('secret');
  });

  it('keeps the server message of a refused code, and says when there is no answer', async () => {
    const refused = vi.fn(async () => {
      throw new SignInCodeError(401, 'This sign-in code expired: codes last 10 minutes.');
    });
    await startSignInLink(fakeWindow('http://x/#code=old').win, refused);
    expect(signInLinkStore.get()).toEqual({
      kind: 'refused',
      message: 'This sign-in code expired: codes last 10 minutes.',
    });
    expect(connectionStore.get()).toBeNull();
    const offline = vi.fn(async () => {
      throw new NetworkError('no answer');
    });
    await startSignInLink(fakeWindow('http://x/#code=c').win, offline);
    expect(signInLinkStore.get()).toEqual({ kind: 'refused', message: 'no answer' });
  });
});
