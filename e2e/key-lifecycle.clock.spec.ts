import { createKey, expect, readKey, signIn, test, uniqueName } from './fixtures';

/*
 * These tests move the emulator's clock (POST /_emulator/clock), which every other spec shares:
 * the Playwright project "clock" runs them only after all other specs have finished, so no other
 * spec sees keys rotated or purged under it, or creation times in the "future".
 */

const REGION = 'nl-01';

test('schedule deletion: typed region/slug, countdown, cancel; after 30 days the key is gone', async ({
  page,
  api,
}) => {
  const key = await createKey(api, REGION, {
    name: uniqueName('Doomed key'),
    keyType: 'ecdsa-p256',
  });
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys/${key.identity}`);
  await page.getByRole('button', { name: 'Schedule deletion' }).click();
  const dialog = page.getByRole('dialog', { name: /Schedule deletion/ });
  await expect(dialog).toContainText('30-day waiting period');
  await expect(dialog).toContainText('DNSSEC zones signed with this key');
  const confirm = dialog.getByRole('button', { name: 'Schedule deletion' });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox').fill(key.slug);
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox').fill(`${REGION}/${key.slug}`);
  await confirm.click();
  await expect(page.getByText(/Scheduled for deletion: purged in 30 days/)).toBeVisible();
  const pending = (await readKey(api, REGION, key.identity)).key;
  expect(pending?.status).toBe('pending_deletion');

  await page.getByRole('button', { name: 'Cancel deletion' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Cancel deletion', exact: true })
    .click();
  await expect(page.getByText(/Scheduled for deletion/)).toBeHidden();
  expect((await readKey(api, REGION, key.identity)).key?.status).toBe('active');

  // Schedule again and let the emulator's clock run past the window.
  await page.getByRole('button', { name: 'Schedule deletion' }).click();
  await page.getByRole('dialog').getByRole('textbox').fill(`${REGION}/${key.slug}`);
  await page.getByRole('dialog').getByRole('button', { name: 'Schedule deletion' }).click();
  await expect(page.getByText(/Scheduled for deletion/)).toBeVisible();
  const advanced = await api.post('/_emulator/clock', { data: { advanceDays: 31 } });
  expect(advanced.status()).toBe(200);
  expect((await readKey(api, REGION, key.identity)).status).toBe(404);
  await page.reload();
  await expect(
    page.getByRole('heading', { name: new RegExp(`Key "${key.identity}" not found`) }),
  ).toBeVisible();
});

test('scheduled rotation: with a 1-day period, two days later version 2 is the latest', async ({
  page,
  api,
}) => {
  const key = await createKey(api, REGION, {
    name: uniqueName('Auto rotate key'),
    keyType: 'aes256-gcm96',
    keyRotationEnabled: true,
    rotationPeriodInDays: 1,
  });
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys/${key.identity}/versions`);
  await expect(page.getByText(/Next automatic rotation: version 2/)).toBeVisible();
  const advanced = await api.post('/_emulator/clock', { data: { advanceDays: 2 } });
  expect(advanced.status()).toBe(200);
  await page.reload();
  // Other tests may move the shared clock too: at least one scheduled rotation happened.
  const now = (await readKey(api, REGION, key.identity)).key;
  expect(now?.latestVersion).toBeGreaterThanOrEqual(2);
  await expect(page.getByRole('row', { name: /^v2 / })).toBeVisible();
  await expect(page.getByText(`Version ${now?.latestVersion}`, { exact: true })).toBeVisible();
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(page.getByText(/Scheduled rotation/).first()).toBeVisible();
});
