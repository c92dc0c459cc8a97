import type { Context, Hono } from 'hono';
import {
  SIGN_IN_CODE_TEST_PATH,
  SIGN_IN_PATH,
  signInCodeIssueRequestSchema,
  signInRequestSchema,
} from '../../../src/contract/index';
import { limitBody } from './body-limit';
import { readBody, tokenChecker } from './context';
import type { EmulatorConfig } from '../config';
import { findByIdentityOrSlug } from '../config';
import { HttpError, notFound } from './errors';
import type { SignInCodes } from '../sign-in-codes';

export interface SignInRouteDeps {
  codes: SignInCodes;
  token: string;
  config: EmulatorConfig;
  /** The organisation a printed code signs in to. */
  organisation: string;
  testControls: boolean;
}

/** A code is a few dozen bytes: anything much larger is not a sign-in. */
export const MAX_SIGN_IN_BODY_BYTES = 4096;

const REFUSALS = {
  unknown:
    'This sign-in code is not valid (codes end when the server restarts). Use the newest link the server printed, or sign in with the API token.',
  used: 'This sign-in code was already used: each code signs in once. Use a new link, or sign in with the API token.',
  expired:
    'This sign-in code expired: codes last 10 minutes. Use a new link, or sign in with the API token.',
} as const;

const noStore = { 'Cache-Control': 'no-store' };

/** `application/json`, with or without parameters (charset). */
function isJson(contentType: string | undefined): boolean {
  return /^application\/json\s*(?:;|$)/i.test(contentType ?? '');
}

async function redeem(c: Context, deps: SignInRouteDeps): Promise<Response> {
  // Read (bounded by the limit above) before refusing, so the connection stays usable.
  const isJsonBody = isJson(c.req.header('content-type'));
  if (!isJsonBody) {
    await c.req.arrayBuffer().catch(() => undefined);
    return c.json(
      { message: 'Send the code as JSON: Content-Type: application/json, {"code": "..."}' },
      415,
      noStore,
    );
  }
  const { code } = await readBody(c, signInRequestSchema);
  const result = deps.codes.redeem(code);
  if (result.ok) {
    return c.json({ token: deps.token, organisation: result.organisation }, 200, noStore);
  }
  if (result.reason === 'locked') {
    return c.json(
      {
        message: `Too many refused sign-in codes: sign-in by code is locked for ${result.retryAfterSeconds} s.`,
      },
      429,
      { ...noStore, 'Retry-After': String(result.retryAfterSeconds) },
    );
  }
  return c.json({ message: REFUSALS[result.reason] }, 401, noStore);
}

/**
 * `POST /_console/sign-in` (redeem a code for the token), and with test controls
 * `POST /_emulator/sign-in-code` (issue one, token required), on the emulator's app.
 */
export function registerSignInRoutes(app: Hono, deps: SignInRouteDeps): void {
  const limit = limitBody(MAX_SIGN_IN_BODY_BYTES, (c) =>
    c.json({ message: `Request body is larger than ${MAX_SIGN_IN_BODY_BYTES} bytes` }, 413),
  );
  app.post(SIGN_IN_PATH, limit, (c) => redeem(c, deps));
  app.all(SIGN_IN_PATH, (c) => {
    c.header('Allow', 'POST');
    return c.json({ message: `Method ${c.req.method} is not allowed here; use POST` }, 405);
  });
  if (!deps.testControls) return;

  const tokenMatches = tokenChecker(deps.token);
  app.post(SIGN_IN_CODE_TEST_PATH, async (c) => {
    if (!tokenMatches(c.req.header('authorization')))
      throw new HttpError(401, 'Missing or invalid token: send Authorization: Bearer <token>');
    const body = await readBody(c, signInCodeIssueRequestSchema);
    let organisation = deps.organisation;
    if (body.organisation !== undefined) {
      const org = findByIdentityOrSlug(deps.config.organisations, body.organisation);
      if (!org) throw notFound(`Organisation "${body.organisation}" not found`);
      organisation = org.identity;
    }
    const issued = deps.codes.issue(organisation, body.expiresInSeconds);
    return c.json({ code: issued.code, expiresAt: issued.expiresAt.toISOString() });
  });
}
