import { z } from 'zod';

/**
 * One-time sign-in codes of `npm start` (emulator mode only). The printed link carries a code,
 * never the token: `http://127.0.0.1:8080/#code=<code>`. The console redeems it once at the same
 * origin for the token and organisation.
 */
export const SIGN_IN_PATH = '/_console/sign-in';
/** The test control that issues a code (only with --test-controls, token required). */
export const SIGN_IN_CODE_TEST_PATH = '/_emulator/sign-in-code';
/** A code lives at most this long (and only until its first use). */
export const SIGN_IN_CODE_TTL_SECONDS = 600;
/** base64url of at least 16 random bytes; a bound on what is accepted at all. */
export const MAX_SIGN_IN_CODE_LENGTH = 128;

export const signInCodeSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_SIGN_IN_CODE_LENGTH, `must be at most ${MAX_SIGN_IN_CODE_LENGTH} characters`)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be base64url');

export const signInRequestSchema = z.object({ code: signInCodeSchema });
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const signInResponseSchema = z.object({
  token: z.string().min(1),
  organisation: z.string().min(1),
});
export type SignInResponse = z.infer<typeof signInResponseSchema>;

export const signInCodeIssueRequestSchema = z.object({
  expiresInSeconds: z.number().int().min(1).max(SIGN_IN_CODE_TTL_SECONDS).optional(),
  /** Identity or slug; default the emulator's first organisation with KMS on. */
  organisation: z.string().min(1).max(255).optional(),
});

export const signInCodeIssuedSchema = z.object({ code: signInCodeSchema, expiresAt: z.string() });
export type SignInCodeIssued = z.infer<typeof signInCodeIssuedSchema>;
