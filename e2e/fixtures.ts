import { randomUUID } from 'node:crypto';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import type { z } from 'zod';
import {
  createKeyRequestSchema,
  keySchema,
  SIGN_IN_CODE_TEST_PATH,
  signInCodeIssuedSchema,
  type Key,
  type SignInCodeIssued,
} from '../src/contract';

/** What playwright.config.ts gives the emulator (KMS_EMULATOR_TOKEN) and its default organisation. */
export const E2E_TOKEN = 'e2e-token';
export const E2E_ORG = 'org-local';

export type CreateKeyBody = z.input<typeof createKeyRequestSchema>;

interface Fixtures {
  /** Origin of the server under test; the API is same-origin (/v1/...). */
  apiBase: string;
  token: string;
  org: string;
  /** Talks to the API as the e2e user, organisation scope: for seeding and checking state. */
  api: APIRequestContext;
}

export const test = base.extend<Fixtures>({
  apiBase: async ({ baseURL }, provide) => {
    if (!baseURL) throw new Error('baseURL is not set: run the specs through playwright.config.ts');
    await provide(baseURL);
  },
  token: E2E_TOKEN,
  org: E2E_ORG,
  api: async ({ playwright, apiBase, token, org }, provide) => {
    const api = await playwright.request.newContext({
      baseURL: apiBase,
      extraHTTPHeaders: {
        Authorization: `Bearer ${token}`,
        'X-Organisation-Identity': org,
        Accept: 'application/json',
      },
    });
    await provide(api);
    await api.dispose();
  },
});

export { expect };

/**
 * Creates a key through the API (organisation scope, or the project's when given) and returns it
 * parsed by the contract. Fails the test with the server's message when it is not 201.
 */
export async function createKey(
  api: APIRequestContext,
  region: string,
  body: CreateKeyBody,
  options: { project?: string } = {},
): Promise<Key> {
  const res = await api.post(`/v1/kms/${encodeURIComponent(region)}/keys`, {
    data: body,
    headers: options.project ? { 'X-Project-Identity': options.project } : {},
  });
  const json: unknown = await res.json().catch(() => null);
  expect(res.status(), `create key "${body.name}" in ${region}: ${JSON.stringify(json)}`).toBe(201);
  return keySchema.parse(json);
}

/** Reads a key through the API (organisation scope, or the project's); fails the test unless 200. */
export async function getKey(
  api: APIRequestContext,
  region: string,
  id: string,
  options: { project?: string } = {},
): Promise<Key> {
  const res = await api.get(
    `/v1/kms/${encodeURIComponent(region)}/keys/${encodeURIComponent(id)}`,
    {
      headers: options.project ? { 'X-Project-Identity': options.project } : {},
    },
  );
  expect(res.status(), `get key ${id} in ${region}: ${await res.text()}`).toBe(200);
  return keySchema.parse(await res.json());
}

/** Reads a key through the API: its status, and the key when it is 200 (else null, e.g. purged). */
export async function readKey(
  api: APIRequestContext,
  region: string,
  id: string,
): Promise<{ status: number; key: Key | null }> {
  const res = await api.get(`/v1/kms/${encodeURIComponent(region)}/keys/${encodeURIComponent(id)}`);
  return { status: res.status(), key: res.ok() ? keySchema.parse(await res.json()) : null };
}

/** Tests share one server and one data folder: every key name must be unique to its test. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomUUID().slice(0, 8)}`;
}

/**
 * A one-time sign-in code, as `npm start` prints in its link (test control, token required).
 * `organisation` defaults to the emulator's; `expiresInSeconds` to 600.
 */
export async function issueSignInCode(
  request: APIRequestContext,
  options: { organisation?: string; expiresInSeconds?: number } = {},
): Promise<SignInCodeIssued> {
  const res = await request.post(SIGN_IN_CODE_TEST_PATH, {
    headers: { Authorization: `Bearer ${E2E_TOKEN}` },
    data: options,
  });
  expect(res.status(), 'issue a sign-in code').toBe(200);
  return signInCodeIssuedSchema.parse(await res.json());
}

/** The link `npm start` prints for a code, optionally in a project's scope (`?project=`). */
export function signInLink(code: string, options: { project?: string } = {}): string {
  const search = options.project ? `?${new URLSearchParams({ project: options.project })}` : '';
  return `/${search}#code=${encodeURIComponent(code)}`;
}

/**
 * Signs in the way a user does: opens a one-time sign-in link like the one `npm start` prints,
 * then waits until the app shell (its banner) replaces the sign-in state. With `project`, the
 * console opens in that project's scope (it lives in the URL as ?project=...); with `org`, the
 * code signs in to that organisation instead of the emulator's default.
 */
export async function signIn(
  page: Page,
  options: { project?: string; org?: string } = {},
): Promise<void> {
  const { code } = await issueSignInCode(
    page.request,
    options.org ? { organisation: options.org } : {},
  );
  await page.goto(signInLink(code, options));
  await expect(page.getByRole('banner')).toBeVisible();
}
