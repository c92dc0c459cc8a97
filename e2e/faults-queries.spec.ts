import type { Page } from '@playwright/test';
import { createKey, expect, signIn, test, uniqueName } from './fixtures';
import { FAILURES, FAULT_MESSAGES, injectFault, type FailureKind } from './faults-support';

const REGION = 'nl-01';
const LIST_PATH = `/v1/kms/${REGION}/keys`;

/**
 * Queries retry 5xx and network failures twice (src/app/query-client.ts): a fault must hold for
 * all three attempts to be seen, and then the console stops asking.
 */
const ATTEMPTS = 3;

const bodyRows = (page: Page) =>
  page.getByRole('table', { name: `Keys in ${REGION}` }).locator('tbody tr:not([aria-hidden])');

/** The key list's error state for each kind: its heading, the words it must show, its retry. */
const LIST_ERRORS: Record<FailureKind, { heading: string; text: string; retry: string }> = {
  '500': {
    heading: 'The KMS API had a problem',
    text: FAULT_MESSAGES['500'],
    retry: 'Try again',
  },
  '503': {
    heading: `KMS is not available in ${REGION}`,
    text: `API: ${FAULT_MESSAGES['503']} (HTTP 503)`,
    retry: 'Check again',
  },
  abort: {
    heading: 'Cannot reach the KMS API',
    text: `The keys of ${REGION} could not be loaded: the request got no answer.`,
    retry: 'Try again',
  },
};

const DETAIL_ERRORS: Record<FailureKind, { heading: string; text: string }> = {
  '500': { heading: 'The KMS API had a problem', text: FAULT_MESSAGES['500'] },
  '503': { heading: 'KMS is not available in this region', text: FAULT_MESSAGES['503'] },
  abort: {
    heading: 'Cannot reach the KMS API',
    text: 'The KMS API could not be reached. Check your connection and try again.',
  },
};

test('key list: 500, 503 and aborted loads say why, keep the app usable and recover; a slow load shows progress', async ({
  page,
  api,
}) => {
  test.setTimeout(120_000);
  const prefix = uniqueName('faults list');
  await createKey(api, REGION, { name: `${prefix} one`, keyType: 'aes256-gcm96' });
  await createKey(api, REGION, { name: `${prefix} two`, keyType: 'ed25519' });
  const listUrl = `/regions/${REGION}/keys?q=${encodeURIComponent(prefix)}`;
  await signIn(page);

  for (const kind of FAILURES) {
    const expected = LIST_ERRORS[kind];
    const fault = await injectFault(page, { method: 'GET', path: LIST_PATH }, kind);
    await page.goto(listUrl);
    const error = page.getByRole('alert').filter({
      has: page.getByRole('heading', { name: expected.heading }),
    });
    await expect(error, kind).toBeVisible({ timeout: 20_000 });
    await expect(error).toContainText(expected.text);
    if (kind === '500') await expect(error).toContainText('HTTP 500');
    expect(fault.count(), `${kind}: attempts`).toBe(ATTEMPTS);
    await expect(bodyRows(page)).toHaveCount(0);
    await fault.remove();

    if (kind === 'abort') {
      // The app around the error works: leave through the breadcrumb, come back, it loads.
      await page.getByRole('link', { name: 'Regions', exact: true }).first().click();
      await expect(page).toHaveURL(/\/regions$/);
      await page.goBack();
    } else {
      await error.getByRole('button', { name: expected.retry }).click();
    }
    await expect(bodyRows(page), `${kind}: recovered`).toHaveCount(2);
    await expect(page.getByRole('link', { name: 'Create key' })).toBeVisible();
  }

  // Slow: the table placeholder and a busy Refresh (no second request) until the rows arrive.
  const slow = await injectFault(page, { method: 'GET', path: LIST_PATH }, 'slow');
  await page.goto(listUrl);
  await expect(page.getByRole('status').filter({ hasText: 'Loading keys…' })).toBeVisible();
  const refreshing = page.getByRole('button', { name: 'Refreshing keys' });
  await expect(refreshing).toBeDisabled();
  await refreshing.click({ force: true });
  slow.release();
  await expect(bodyRows(page)).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Refresh keys' })).toBeEnabled();
  expect(slow.count()).toBe(1);
  await slow.remove();

  // A refresh that fails keeps the rows on screen and says why, in the server's words.
  const notice = page.getByRole('alert').filter({ hasText: 'Could not refresh' });
  for (const kind of FAILURES) {
    const expected = DETAIL_ERRORS[kind];
    const fault = await injectFault(page, { method: 'GET', path: LIST_PATH }, kind);
    await page.getByRole('button', { name: 'Refresh keys' }).click();
    await expect(notice, kind).toContainText(`Could not refresh: ${expected.heading}.`, {
      timeout: 20_000,
    });
    await expect(notice).toContainText(expected.text);
    expect(fault.count(), `${kind}: attempts`).toBe(ATTEMPTS);
    await expect(bodyRows(page)).toHaveCount(2);
    await fault.remove();
    await notice.getByRole('button', { name: 'Try again' }).click();
    await expect(notice).toBeHidden();
    await expect(bodyRows(page)).toHaveCount(2);
  }
});

test('key page: 500, 503 and aborted loads say why, keep the app usable and recover; a slow load shows progress', async ({
  page,
  api,
}) => {
  test.setTimeout(120_000);
  const key = await createKey(api, REGION, {
    name: uniqueName('faults detail'),
    keyType: 'aes256-gcm96',
  });
  const keyPath = `/v1/kms/${REGION}/keys/${key.identity}`;
  const keyUrl = `/regions/${REGION}/keys/${key.identity}`;
  const title = page.getByRole('heading', { level: 1, name: key.name });
  await signIn(page);

  for (const kind of FAILURES) {
    const expected = DETAIL_ERRORS[kind];
    const fault = await injectFault(page, { method: 'GET', path: keyPath }, kind);
    await page.goto(keyUrl);
    const error = page.getByRole('alert').filter({
      has: page.getByRole('heading', { name: expected.heading }),
    });
    await expect(error, kind).toBeVisible({ timeout: 20_000 });
    await expect(error).toContainText(expected.text);
    if (kind !== 'abort') await expect(error).toContainText(`HTTP ${kind}`);
    expect(fault.count(), `${kind}: attempts`).toBe(ATTEMPTS);
    const back = error.getByRole('link', { name: `Back to keys in ${REGION}` });
    await expect(back).toBeVisible();
    await fault.remove();

    if (kind === 'abort') {
      // A way out that works, and the page loads when the user comes back.
      await back.click();
      await expect(page.getByRole('heading', { level: 1, name: 'Keys' })).toBeVisible();
      await page.goBack();
    } else {
      await error.getByRole('button', { name: 'Try again' }).click();
    }
    await expect(title, `${kind}: recovered`).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Versions' })).toBeVisible();
  }

  const slow = await injectFault(page, { method: 'GET', path: keyPath }, 'slow');
  await page.goto(keyUrl);
  await expect(page.getByLabel('Loading key')).toHaveAttribute('aria-busy', 'true');
  slow.release();
  await expect(title).toBeVisible();
  await expect(page.getByLabel('Loading key')).toHaveCount(0);
  expect(slow.count()).toBe(1);
  await slow.remove();
});

test('key page: a failed refresh keeps the key, the open dialog and unsaved input, and says so', async ({
  page,
  api,
}) => {
  test.setTimeout(120_000);
  const key = await createKey(api, REGION, {
    name: uniqueName('faults refresh'),
    keyType: 'aes256-gcm96',
  });
  const keyPath = `/v1/kms/${REGION}/keys/${key.identity}`;
  // A controllable clock: the key goes stale (30 s) without waiting for it.
  await page.clock.install();
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys/${key.identity}/rotation`);
  const period = page.getByRole('textbox', { name: 'Rotation period (days)' });
  await page.getByRole('switch', { name: 'Rotate automatically' }).click();
  await period.fill('45');
  await page.getByRole('button', { name: 'Schedule deletion' }).click();
  const dialog = page.getByRole('dialog', { name: /^Schedule deletion of/ });
  await dialog.getByRole('textbox').fill(`${REGION}/${key.slug}`);
  const notice = page.getByRole('alert').filter({ hasText: 'Could not refresh this key' });

  for (const kind of FAILURES) {
    const expected = DETAIL_ERRORS[kind];
    const fault = await injectFault(page, { method: 'GET', path: keyPath }, kind);
    // The user comes back to the tab after a while: the stale key is fetched again, and fails.
    await page.clock.fastForward(31_000);
    await page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')));
    await expect(notice, kind).toContainText(`${expected.heading}.`, { timeout: 20_000 });
    await expect(notice).toContainText(expected.text);
    expect(fault.count()).toBe(ATTEMPTS);
    await fault.remove();
    if (kind === FAILURES[0]) {
      await expect(dialog.getByRole('textbox')).toHaveValue(`${REGION}/${key.slug}`);
      await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
      await expect(dialog).toBeHidden();
    }
    await expect(period).toHaveValue('45');
    await expect(page.getByRole('heading', { level: 1, name: key.name })).toBeVisible();
    await notice.getByRole('button', { name: 'Try again' }).click();
    await expect(notice).toBeHidden();
  }
  await expect(period).toHaveValue('45');
});
