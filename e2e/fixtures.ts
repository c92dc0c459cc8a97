import { randomUUID } from 'node:crypto';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import type { z } from 'zod';
import { createKeyRequestSchema, keySchema, type Key } from '../src/contract';

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

/** Tests share one server and one data folder: every key name must be unique to its test. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomUUID().slice(0, 8)}`;
}

/**
 * Signs in the way a user does: opens the URL `npm start` prints (token in the fragment), then
 * waits until the app shell (its banner) replaces the sign-in state. With `project`, the console
 * opens in that project's scope (it lives in the URL as ?project=...).
 */
export async function signIn(page: Page, options: { project?: string } = {}): Promise<void> {
  const fragment = new URLSearchParams({ token: E2E_TOKEN, org: E2E_ORG });
  const search = options.project ? `?${new URLSearchParams({ project: options.project })}` : '';
  await page.goto(`/${search}#${fragment}`);
  await expect(page.getByRole('banner')).toBeVisible();
}
