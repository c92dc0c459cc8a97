import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Eye, EyeOff, Lock, LogIn } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';
import { ApiError, NetworkError, ResponseShapeError } from '@/lib/api-client';
import { verifyConnection } from './api/verify-connection';
import { connectionStore } from './connection-store';
import { safeRedirect } from './safe-redirect';
import { signInLinkStore } from './sign-in-link';
import { signInLinkNotice, useSignInLink } from './sign-in-link-gate';
import { SignInScreen } from './sign-in-screen';
import { useConnection } from './use-connection';
import { useSignInForm, type SignInField, type SignInValues } from './use-sign-in-form';
import styles from './sign-in.module.css';

/** Maps a failed check onto the field the user can fix. */
function placeError(error: unknown): { field: SignInField | 'root'; message: string } {
  if (error instanceof ApiError) {
    if (error.status === 401)
      return { field: 'token', message: `The API refused this token: ${error.message}` };
    if (error.status === 404 || error.status === 400)
      return {
        field: 'organisation',
        message: `Organisation not found, or this token has no access to it: ${error.message}`,
      };
    return { field: 'root', message: `The API answered HTTP ${error.status}: ${error.message}` };
  }
  if (error instanceof NetworkError)
    return {
      field: 'baseUrl',
      message: 'No answer from this address. Check the URL, your connection, and CORS.',
    };
  if (error instanceof ResponseShapeError)
    return { field: 'baseUrl', message: 'This address answered, but not like the KMS API.' };
  return { field: 'root', message: error instanceof Error ? error.message : String(error) };
}

/** `/sign-in`: API address, token and organisation, checked against the API before use. */
export function SignInPage({ redirect }: { redirect?: string | undefined }) {
  const current = useConnection();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [isTokenShown, setIsTokenShown] = useState(false);
  // A session whose token the API refused (a 401 later): its organisation stays filled in.
  const [refused] = useState(() => (current ? null : connectionStore.refused()));
  const signIn = async (values: SignInValues) => {
    const connection = {
      baseUrl: values.baseUrl.replace(/\/+$/, ''),
      token: values.token,
      organisation: values.organisation,
    };
    try {
      await verifyConnection(connection);
    } catch (error) {
      return placeError(error);
    }
    // A new connection never sees the previous one's cached answers.
    queryClient.clear();
    signInLinkStore.dismiss();
    connectionStore.set(connection);
    await navigate({ href: safeRedirect(redirect), replace: true });
  };

  const { field, errors, isSubmitting, onSubmit } = useSignInForm(
    {
      baseUrl: current?.baseUrl ?? refused?.baseUrl ?? '',
      token: '',
      organisation: current?.organisation ?? refused?.organisation ?? '',
    },
    signIn,
  );
  const linkNotice = signInLinkNotice(useSignInLink());
  // Only a session that began can have ended: otherwise the page asked for needs a sign-in.
  const redirectNotice =
    !redirect || current || linkNotice
      ? null
      : refused
        ? 'The API refused the token of this session (it may have expired or been revoked). Sign in again with a valid token to return to the page you were on.'
        : 'Sign in to open the page you asked for.';

  return (
    <SignInScreen>
      <h1 className={styles.title}>Sign in</h1>
      <p className={styles.lead}>
        Connect the console to the Thalassa Cloud KMS API with an API token and the organisation
        whose keys you manage.
      </p>
      {linkNotice ? (
        <p
          className={`${linkNotice.isRefused ? styles.error : styles.notice} ${styles.linkNotice}`}
          role={linkNotice.isRefused ? 'alert' : 'status'}
        >
          {linkNotice.text}
        </p>
      ) : null}
      {redirectNotice ? (
        <p className={refused ? styles.error : styles.notice} role="status">
          {redirectNotice}
        </p>
      ) : null}
      <form onSubmit={(e) => void onSubmit(e)} noValidate className={styles.form}>
        <Field
          label="Organisation"
          hint="Identity or slug, e.g. org-local"
          error={errors.organisation}
        >
          <TextInput
            autoComplete="organization"
            spellCheck={false}
            isMono
            autoFocus={!current}
            {...field('organisation')}
          />
        </Field>
        <Field label="API token" error={errors.token}>
          <div className={styles.secret}>
            <TextInput
              type={isTokenShown ? 'text' : 'password'}
              autoComplete="off"
              spellCheck={false}
              isMono
              autoFocus={Boolean(current)}
              {...field('token')}
            />
            <Button
              variant="ghost"
              size="small"
              isIconOnly
              aria-label={isTokenShown ? 'Hide token' : 'Show token'}
              aria-pressed={isTokenShown}
              onClick={() => setIsTokenShown((s) => !s)}
              className={styles.reveal}
            >
              {isTokenShown ? <EyeOff size={15} aria-hidden /> : <Eye size={15} aria-hidden />}
            </Button>
          </div>
        </Field>
        <Field
          label="API base URL"
          hint="Leave empty to use this server (the local emulator, or the proxy of npm start --upstream)."
          error={errors.baseUrl}
        >
          <TextInput
            placeholder="Same origin"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            isMono
            {...field('baseUrl')}
          />
        </Field>
        {errors.root ? (
          <p role="alert" className={styles.error}>
            {errors.root}
          </p>
        ) : null}
        <Button type="submit" variant="primary" disabled={isSubmitting} aria-busy={isSubmitting}>
          <LogIn size={16} aria-hidden />
          {isSubmitting ? 'Checking…' : 'Sign in'}
        </Button>
      </form>
      <p className={styles.footnote}>
        <Lock size={13} aria-hidden />
        <span>
          The token is kept in this tab only (memory and session storage): never in local storage,
          cookies or the address bar. Closing the tab or signing out forgets it.
        </span>
      </p>
    </SignInScreen>
  );
}
