import type { APIRequestContext } from '@playwright/test';
import { keySchema } from '../src/contract';
import { audit } from './axe-audit';
import { createKey, expect, signIn, test, uniqueName } from './fixtures';

/*
 * Moves the emulator's clock (a *.clock.spec.ts: the "clock" project runs it after every other
 * spec, one clock spec at a time). The calendar reads "now" from the server's Date header, so
 * "tomorrow" and "in 3 days" follow the emulator's clock, not the browser's.
 */

test.setTimeout(90_000);

async function statusOf(api: APIRequestContext, region: string, id: string) {
  const res = await api.get(`/v1/kms/${region}/keys/${id}`);
  expect(res.status()).toBe(200);
  return keySchema.parse(await res.json()).status;
}

test('shows a rotation due tomorrow and a purge in 3 days, and cancels the purge', async ({
  page,
  api,
}) => {
  const doomed = await createKey(api, 'nl-02', {
    name: uniqueName('Calendar purge'),
    keyType: 'aes256-gcm96',
  });
  expect((await api.delete(`/v1/kms/nl-02/keys/${doomed.identity}`)).status()).toBe(200);
  // 27 of the 30 days pass: the purge is 3 days away.
  expect((await api.post('/_emulator/clock', { data: { advanceDays: 27 } })).status()).toBe(200);
  const rotating = await createKey(api, 'nl-01', {
    name: uniqueName('Calendar rotation'),
    keyType: 'aes256-gcm96',
    keyRotationEnabled: true,
    rotationPeriodInDays: 1,
  });

  await signIn(page);
  await page.getByRole('banner').getByRole('link', { name: 'Calendar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Calendar' })).toBeVisible();
  await expect(page.getByRole('radio', { name: '7 days' })).toBeChecked();

  const tomorrow = page.getByRole('region', { name: /^Tomorrow/ });
  const rotationRow = tomorrow.getByRole('listitem').filter({ hasText: rotating.name });
  await expect(rotationRow).toContainText('Automatic rotation to version 2');
  await expect(rotationRow.getByRole('link', { name: rotating.name })).toHaveAttribute(
    'href',
    `/regions/nl-01/keys/${rotating.identity}`,
  );

  const inThreeDays = page.getByRole('region', { name: /in 3 days/ });
  const purgeRow = inThreeDays.getByRole('listitem').filter({ hasText: doomed.name });
  await expect(purgeRow).toContainText('Purge');
  await audit(page, 'calendar');

  // One click opens the key page's own cancel-deletion dialog.
  await purgeRow.getByRole('button', { name: `Cancel deletion of ${doomed.name} (nl-02)` }).click();
  const dialog = page.getByRole('dialog', { name: `Cancel deletion of ${doomed.name}?` });
  await dialog.getByRole('button', { name: 'Cancel deletion', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('listitem').filter({ hasText: doomed.name })).toHaveCount(0);
  expect(await statusOf(api, 'nl-02', doomed.identity)).toBe('active');

  // The range is in the address.
  await page.getByRole('radio', { name: '30 days' }).click();
  await expect(page).toHaveURL(/\/calendar\?range=30$/);
  await expect(page.getByRole('radio', { name: '30 days' })).toBeChecked();
  await expect(rotationRow).toBeVisible();
});
