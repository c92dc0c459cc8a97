import { NetworkError, redeemSignInCode, SignInCodeError } from '@/lib/api-client';
import { connectionStore, type StoredConnection } from './connection-store';

/**
 * Sign-in links: `#code=<one-time code>` (what `npm start` prints). The fragment leaves the
 * address bar at once; the code is redeemed at this origin. A link never replaces an existing
 * session by itself: the person confirms the switch. Links with a token or an API base
 * (`#token=…&baseUrl=…`, the old format) are removed and ignored.
 */
export type SignInLinkState =
  | { kind: 'idle' }
  | { kind: 'redeeming' }
  | { kind: 'confirm'; incoming: StoredConnection; current: StoredConnection }
  | { kind: 'refused'; message: string }
  | { kind: 'legacy' };

type Link = { kind: 'code'; code: string } | { kind: 'legacy' };

const IDLE: SignInLinkState = { kind: 'idle' };
const SIGN_IN_PARAMS = ['code', 'token', 'baseUrl', 'org'];
const listeners = new Set<() => void>();
let state: SignInLinkState = IDLE;

function setState(next: SignInLinkState): void {
  state = next;
  listeners.forEach((l) => l());
}

export const signInLinkStore = {
  get: (): SignInLinkState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Back to idle (a notice was read, or the switch was declined). */
  dismiss: (): void => setState(IDLE),
  /** The person confirmed: the link's session replaces the current one. */
  acceptSwitch(): void {
    if (state.kind !== 'confirm') return;
    connectionStore.set(state.incoming);
    setState(IDLE);
  },
};

/**
 * Resolves once no sign-in link is being redeemed (at once when none is): the sign-in guard waits
 * for it, so a page opened with a link never bounces to the sign-in page meanwhile.
 */
export function whenSignInLinkSettled(): Promise<void> {
  return new Promise((resolve) => {
    if (state.kind !== 'redeeming') return resolve();
    const unsubscribe = signInLinkStore.subscribe(() => {
      if (state.kind === 'redeeming') return;
      unsubscribe();
      resolve();
    });
  });
}

/** Reads a sign-in fragment and removes it from the address bar at once (before anything else). */
export function takeSignInFragment(win: Pick<Window, 'location' | 'history'>): Link | null {
  const hash = win.location.hash;
  if (!hash.startsWith('#')) return null;
  const params = new URLSearchParams(hash.slice(1));
  if (!SIGN_IN_PARAMS.some((name) => params.has(name))) return null;
  const url = `${win.location.pathname}${win.location.search}`;
  win.history.replaceState(win.history.state, '', url);
  const code = params.get('code');
  if (code && !params.has('token') && !params.has('baseUrl')) return { kind: 'code', code };
  return { kind: 'legacy' };
}

const sameSession = (a: StoredConnection, b: StoredConnection) =>
  a.token === b.token && a.organisation === b.organisation && a.baseUrl === b.baseUrl;

function refusal(error: unknown): string {
  if (error instanceof SignInCodeError) {
    if (error.status === 404)
      return 'This server does not offer sign-in links (it forwards to another API). Sign in with your token.';
    return error.message;
  }
  if (error instanceof NetworkError) return error.message;
  return 'The sign-in link could not be used. Sign in with your token.';
}

/**
 * Handles a sign-in link in the page's URL, if there is one: call once, before the app renders.
 * Resolves when the link is dealt with (for tests).
 */
export async function startSignInLink(
  win: Pick<Window, 'location' | 'history'> = window,
  redeem: typeof redeemSignInCode = redeemSignInCode,
): Promise<void> {
  const link = takeSignInFragment(win);
  if (!link) return;
  if (link.kind === 'legacy') return setState({ kind: 'legacy' });
  setState({ kind: 'redeeming' });
  try {
    const { token, organisation } = await redeem(link.code);
    const incoming: StoredConnection = { token, organisation, baseUrl: '' };
    const current = connectionStore.get();
    if (!current) connectionStore.set(incoming);
    if (!current || sameSession(current, incoming)) return setState(IDLE);
    setState({ kind: 'confirm', incoming, current });
  } catch (error) {
    setState({ kind: 'refused', message: refusal(error) });
  }
}
