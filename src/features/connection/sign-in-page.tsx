// Placeholder: the sign-in screen is built in issue 4.
export function SignInPage({ redirect }: { redirect?: string | undefined }) {
  return <h1>Sign in{redirect ? '' : ''}</h1>;
}
