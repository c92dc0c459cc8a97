/**
 * Where to go after sign-in: the in-app path the user came from, or the overview. Only
 * same-app paths are followed (never another origin, `//host` or the sign-in page itself).
 */
export function safeRedirect(redirect: string | undefined): string {
  if (!redirect || !redirect.startsWith('/') || redirect.startsWith('//')) return '/regions';
  if (redirect.includes('\\')) return '/regions';
  if (/^\/sign-in(?:[/?#]|$)/.test(redirect)) return '/regions';
  return redirect;
}
