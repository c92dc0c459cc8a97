import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { useToast } from '@/components/ui/toast';
import { signInLinkStore, type SignInLinkState } from './sign-in-link';
import { SignInScreen } from './sign-in-screen';
import { useConnection } from './use-connection';

/** The state of the sign-in link this page was opened with (see sign-in-link.ts). */
export function useSignInLink(): SignInLinkState {
  return useSyncExternalStore(signInLinkStore.subscribe, signInLinkStore.get, signInLinkStore.get);
}

/** The short notice for a link that did not sign in, or null. */
export function signInLinkNotice(
  state: SignInLinkState,
): { text: string; isRefused: boolean } | null {
  if (state.kind === 'refused')
    return { text: `The sign-in link did not work. ${state.message}`, isRefused: true };
  if (state.kind === 'legacy')
    return {
      text: 'That link held a token or an API address, which sign-in links no longer carry: it was removed from the address bar and ignored. Use the link the server printed, or sign in with your token.',
      isRefused: false,
    };
  return null;
}

// Asked only when a link would replace a session: its dialog (Radix) loads then.
const SwitchSessionDialog = lazy(() =>
  import('./switch-session-dialog').then((m) => ({ default: m.SwitchSessionDialog })),
);

/**
 * Around the whole app: while a sign-in link is redeemed nothing else renders (no redirect to
 * sign-in meanwhile); a link that would replace a session asks first; a link that failed while
 * signed in says so in a toast (signed out, the sign-in page shows it).
 */
export function SignInLinkGate({ children }: { children: ReactNode }) {
  const link = useSignInLink();
  const connection = useConnection();
  const queryClient = useQueryClient();
  const toast = useToast();
  const notice = signInLinkNotice(link);
  const isNoticeForToast = Boolean(notice && connection);

  useEffect(() => {
    if (!isNoticeForToast || !notice) return;
    toast({
      title: 'Sign-in link not used',
      description: notice.text,
      tone: notice.isRefused ? 'danger' : 'info',
    });
    signInLinkStore.dismiss();
  }, [isNoticeForToast, notice, toast]);

  if (link.kind === 'redeeming') {
    return (
      <SignInScreen isBusy>
        <p role="status">Signing in with the link…</p>
      </SignInScreen>
    );
  }
  return (
    <>
      {children}
      {link.kind === 'confirm' ? (
        <Suspense fallback={null}>
          <SwitchSessionDialog
            incoming={link.incoming}
            current={link.current}
            onKeep={signInLinkStore.dismiss}
            onSwitch={() => {
              // The new session never sees the previous one's cached answers.
              queryClient.clear();
              signInLinkStore.acceptSwitch();
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
