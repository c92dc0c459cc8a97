import { afterEach, describe, expect, it } from 'vitest';
import { connectionStore, consumeSignInFragment } from './connection-store';

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
  // The store only reads these members.
  return { win: win as unknown as Pick<Window, 'location' | 'history'>, replaced: () => replaced };
}

afterEach(() => connectionStore.clear());

describe('consumeSignInFragment', () => {
  it('signs in from the fragment and removes it from the address bar', () => {
    const { win, replaced } = fakeWindow('http://x/regions?a=1#token=secret&org=org-local');
    expect(consumeSignInFragment(win)).toBe(true);
    expect(connectionStore.get()).toEqual({
      token: 'secret',
      organisation: 'org-local',
      baseUrl: '',
    });
    expect(replaced()).toBe('/regions?a=1');
    expect(sessionStorage.getItem('kms.connection')).toContain('secret');
    expect(localStorage.length).toBe(0);
  });

  it('opens the project scope named in the fragment', () => {
    const { win, replaced } = fakeWindow('http://x/#token=t&org=o&project=proj-web');
    expect(consumeSignInFragment(win)).toBe(true);
    expect(replaced()).toBe('/?project=proj-web');
  });

  it('removes an incomplete fragment without signing in', () => {
    const { win, replaced } = fakeWindow('http://x/#token=t');
    expect(consumeSignInFragment(win)).toBe(false);
    expect(connectionStore.get()).toBeNull();
    expect(replaced()).toBe('/');
  });

  it('ignores a fragment that is not a sign-in', () => {
    const { win, replaced } = fakeWindow('http://x/regions#main');
    expect(consumeSignInFragment(win)).toBe(false);
    expect(replaced()).toBeNull();
  });
});
