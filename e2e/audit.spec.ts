import { readFile } from 'node:fs/promises';
import { createKey, expect, signIn, test, uniqueName } from './fixtures';
import { eventIds, eventRows, FORGED_CIPHERTEXT, keyOp, parseCsv } from './audit-support';

/** The Audit page against the real emulator: filters in the URL, key links, export. */

const REGION = 'nl-01';

// Several page loads and API calls per test, on a machine shared with other suites.
test.describe.configure({ timeout: 90_000 });

async function keyWithHistory(api: Parameters<typeof keyOp>[0], prefix: string) {
  const key = await createKey(api, REGION, { name: uniqueName(prefix), keyType: 'aes256-gcm96' });
  await keyOp(api, REGION, key.identity, 'encrypt', { plaintext: 'aGVsbG8=' });
  await keyOp(api, REGION, key.identity, 'encrypt', { plaintext: 'aGVsbG8=' });
  await keyOp(api, REGION, key.identity, 'decrypt', { ciphertext: FORGED_CIPHERTEXT }, 400);
  return key;
}

test('filters live in the URL: they survive reload and Back, and an event opens its key', async ({
  page,
  api,
}) => {
  const key = await keyWithHistory(api, 'audit filters');
  await signIn(page);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Audit log' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();

  await page.getByRole('searchbox', { name: 'Key' }).fill(key.name);
  await page.getByRole('searchbox', { name: 'Key' }).press('Enter');
  await page.getByLabel('Outcome').selectOption('failure');
  await page.getByLabel('Action').selectOption('crypto');
  await expect(page).toHaveURL(/outcome=failure/);
  await expect(page).toHaveURL(/action=crypto/);
  const rows = eventRows(page);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Decrypt');
  await expect(rows.first()).toContainText('Failed · 400');
  await expect(rows.first()).toContainText('does not decrypt');

  const filtered = page.url();
  await page.reload();
  await expect(page.getByLabel('Outcome')).toHaveValue('failure');
  await expect(page.getByLabel('Action')).toHaveValue('crypto');
  await expect(page.getByRole('searchbox', { name: 'Key' })).toHaveValue(key.name);
  await expect(rows).toHaveCount(1);

  await rows.first().getByRole('link', { name: key.identity }).click();
  await expect(page.getByRole('heading', { level: 1, name: key.name })).toBeVisible();
  await page.goBack();
  await expect(page.getByLabel('Outcome')).toHaveValue('failure');
  await expect(rows).toHaveCount(1);
  expect(page.url()).toBe(filtered);

  // Everything for the key: create, two encrypts and the failed decrypt, newest first.
  await page.getByLabel('Outcome').selectOption('');
  await page.getByLabel('Action').selectOption('');
  await expect(rows).toHaveCount(4);
  await expect(rows.last()).toContainText('Create');
});

test('a bad value in the link falls back with a short notice', async ({ page }) => {
  await signIn(page);
  await page.goto('/audit?outcome=maybe&range=forever');
  const notice = page.getByRole('status').filter({ hasText: 'Part of this link was ignored' });
  await expect(notice).toContainText('outcome "maybe" is not success or failure');
  await expect(notice).toContainText('time range "forever"');
  await expect(page.getByLabel('Outcome')).toHaveValue('');
  await notice.getByRole('button', { name: 'Remove from link' }).click();
  await expect(notice).toBeHidden();
  await expect(page).not.toHaveURL(/maybe/);
});

test('export downloads the filtered view: CSV and JSON rows match the table', async ({
  page,
  api,
}) => {
  const key = await keyWithHistory(api, 'audit export');
  await signIn(page);
  await page.goto(`/audit?key=${encodeURIComponent(key.identity)}`);
  const rows = eventRows(page);
  await expect(rows).toHaveCount(4);
  const shown = await eventIds(rows);

  for (const format of ['CSV', 'JSON'] as const) {
    await page.getByRole('button', { name: 'Export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export events' });
    await dialog.getByLabel(format === 'CSV' ? /CSV/ : /JSON/).check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: `Download ${format}` }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      format === 'CSV' ? /^audit-.*\.csv$/ : /^audit-.*\.json$/,
    );
    const text = await readFile(await download.path(), 'utf8');
    expect(text).not.toContain('e2e-token');
    if (format === 'CSV') {
      const [header, ...lines] = parseCsv(text);
      const id = header!.indexOf('eventID');
      expect(lines.map((l) => l[id])).toEqual(shown);
      expect(lines.map((l) => l[header!.indexOf('resourceIdentity')])).toEqual(
        shown.map(() => key.identity),
      );
    } else {
      const json = JSON.parse(text) as { items: { eventID: string }[]; totalInView: number };
      expect(json.items.map((e) => e.eventID)).toEqual(shown);
      expect(json.totalInView).toBe(4);
    }
    await expect(dialog.getByRole('status')).toContainText('4 events');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(dialog).toBeHidden();
  }
});
