import type { MiddlewareHandler } from 'hono';

/**
 * No inline script anywhere: the console is one bundled module. Inline styles stay allowed for
 * Radix (it positions popovers with style attributes). The API is same-origin in both modes
 * (emulator or the upstream proxy), so connect-src 'self' is enough.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

/**
 * Sets headers on a response: in place when its headers may change (the usual case, which keeps
 * the server's fast path for a body it already holds), else on a copy (a response from fetch()
 * has immutable headers).
 */
export function withHeaders(res: Response, headers: Readonly<Record<string, string>>): Response {
  try {
    for (const [name, value] of Object.entries(headers)) res.headers.set(name, value);
    return res;
  } catch {
    const copy = new Response(res.body, res);
    for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
    return copy;
  }
}

/** Sets the security headers on every response, whoever produced it. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = withHeaders(c.res, SECURITY_HEADERS);
    if (res !== c.res) {
      c.res = undefined;
      c.res = res;
    }
  };
}
