import { createKey, expect, signIn, test, uniqueName } from './fixtures';
import { eventRows, FORGED_CIPHERTEXT, keyOp } from './audit-support';

/** The key page's Activity tab: last use per version, and failures with their reason. */

const REGION = 'nl-01';

// Several page loads and API calls per test, on a machine shared with other suites.
test.describe.configure({ timeout: 90_000 });

test('Activity tab: per-version last use, a failed decrypt with its reason, deep link', async ({
  page,
  api,
}) => {
  const key = await createKey(api, REGION, {
    name: uniqueName('activity'),
    keyType: 'aes256-gcm96',
  });
  await keyOp(api, REGION, key.identity, 'encrypt', { plaintext: 'aGVsbG8=' });
  await keyOp(api, REGION, key.identity, 'rotate');
  await keyOp(api, REGION, key.identity, 'decrypt', { ciphertext: FORGED_CIPHERTEXT }, 400);
  await keyOp(api, REGION, key.identity, 'rotate');
  await keyOp(api, REGION, key.identity, 'encrypt', { plaintext: 'aGVsbG8=' });

  await signIn(page);
  await page.goto(`/regions/${REGION}/keys/${key.identity}`);
  // The overview's Recent activity card links to the full tab.
  await page.getByRole('link', { name: /All activity/ }).click();
  await expect(page).toHaveURL(new RegExp(`/regions/${REGION}/keys/${key.identity}/activity$`));
  await expect(page.getByRole('tab', { selected: true })).toHaveAccessibleName('Activity');

  const lastUsed = page.getByRole('table', { name: 'Last use per version' });
  const version = (n: number) => lastUsed.getByRole('row', { name: new RegExp(`^v${n}\\b`) });
  await expect(version(3)).toContainText('Encrypt');
  await expect(version(3)).toContainText('Success');
  await expect(version(1)).toContainText('Encrypt');
  // Version 2 was the latest only while a forged ciphertext was refused.
  await expect(version(2)).toContainText('Never used');
  await expect(page.getByText(/From every recorded operation/)).toBeVisible();

  const rows = eventRows(page, `Events of ${key.name}`);
  const failedDecrypt = rows.filter({ hasText: 'Decrypt' });
  await expect(failedDecrypt).toContainText('Failed · 400');
  await expect(failedDecrypt).toContainText('does not decrypt');
  await expect(rows).toHaveCount(6);

  // A deep link opens the tab directly.
  await page.reload();
  await expect(page.getByRole('tab', { selected: true })).toHaveAccessibleName('Activity');
  await expect(rows).toHaveCount(6);
});

test('Activity tab counts new events instead of moving the rows', async ({ page, api }) => {
  const key = await createKey(api, REGION, {
    name: uniqueName('activity new'),
    keyType: 'aes256-gcm96',
  });
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys/${key.identity}/activity`);
  const rows = eventRows(page, `Events of ${key.name}`);
  await expect(rows).toHaveCount(1);
  await keyOp(api, REGION, key.identity, 'encrypt', { plaintext: 'aGVsbG8=' });
  await page.getByRole('button', { name: 'Refresh events' }).click();
  const fresh = page.getByRole('button', { name: '1 new event: show' });
  await expect(fresh).toBeVisible();
  await expect(rows).toHaveCount(1);
  await fresh.click();
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('Encrypt');
});
