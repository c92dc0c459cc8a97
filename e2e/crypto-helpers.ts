import type { APIRequestContext, Page } from '@playwright/test';
import type { KeyType } from '../src/contract';
import { createKey, expect, uniqueName } from './fixtures';

export const REGION = 'nl-01';

/** Creates one key per type, in parallel (RSA generation takes a moment). */
export function createKeys(api: APIRequestContext, types: readonly KeyType[], prefix = 'crypto') {
  return Promise.all(
    types.map((keyType) =>
      createKey(api, REGION, { name: uniqueName(`${prefix} ${keyType}`), keyType }),
    ),
  );
}

/** Opens the crypto tab of a key on one operation and waits for its tool. */
export async function openTool(page: Page, identity: string, op: string, toolName: string) {
  await page.goto(`/regions/${REGION}/keys/${identity}/crypto?op=${op}`);
  await expect(page.getByRole('heading', { level: 3, name: toolName })).toBeVisible();
}

export function kmsVerdict(page: Page) {
  return page.getByRole('status').filter({ hasText: 'KMS' });
}
