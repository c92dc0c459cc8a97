import { readFile } from 'node:fs/promises';
import { createKey, expect, signIn, test, uniqueName } from './fixtures';
import { eventRows, parseCsv } from './audit-support';

/**
 * 100,000 events in the organisation: the Audit page pages, filters and exports through the
 * server (never the whole log in the browser), and the export stops at its cap.
 */

const REGION = 'nl-02';
const COUNT = 100_000;

test.describe.configure({ timeout: 360_000 });

test('a 100,000-event log: page, filter and a capped, cancellable export', async ({
  page,
  api,
}) => {
  const prefix = uniqueName('big log');
  const keys = [
    await createKey(api, REGION, { name: `${prefix} a`, keyType: 'aes256-gcm96' }),
    await createKey(api, REGION, { name: `${prefix} b`, keyType: 'aes256-gcm96' }),
  ];
  const seeded = await api.post('/_emulator/seed-audit', {
    data: { count: COUNT, keyIdentities: keys.map((k) => k.identity) },
    timeout: 120_000,
  });
  expect(seeded.status(), await seeded.text()).toBe(200);

  await signIn(page);
  // The seeded sentences name the keys: the key search finds all of them (+ the two creations).
  await page.goto(`/audit?key=${encodeURIComponent(prefix)}`);
  const count = page.getByRole('status').filter({ hasText: /events?$/ });
  await expect(count).toHaveText('1–50 of 100,002 events');
  const rows = eventRows(page);
  await expect(rows).toHaveCount(50);

  await page.getByRole('button', { name: /Older/ }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(count).toHaveText('51–100 of 100,002 events');
  await expect(rows.first()).toHaveAttribute('aria-rowindex', '52');
  await page.getByRole('button', { name: 'Oldest' }).click();
  await expect(count).toHaveText('100,001–100,002 of 100,002 events');
  await expect(rows).toHaveCount(2);

  // Every 10th seeded event is a failure: a filter the server applies.
  await page.getByLabel('Outcome').selectOption('failure');
  await expect(count).toHaveText('1–50 of 10,000 events');
  await expect(page).not.toHaveURL(/page=/);
  await expect(rows.first()).toContainText('Failed · 400');
  await page.getByLabel('Action').selectOption('kms.export');
  await expect(count).toHaveText(/of [\d,]+ events$/);
  await page.getByLabel('Action').selectOption('');

  // The whole view is over the cap: the export says so, shows progress and can be cancelled.
  await page.getByLabel('Outcome').selectOption('');
  await expect(count).toHaveText('1–50 of 100,002 events');
  const firstShown = await rows.first().getAttribute('data-event-id');
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export events' });
  await expect(dialog).toContainText('the export holds the newest 10,000');
  await dialog.getByRole('button', { name: 'Download CSV' }).click();
  await expect(dialog.getByRole('progressbar', { name: 'Export progress' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel export' }).click();
  await expect(dialog.getByRole('button', { name: 'Download CSV' })).toBeVisible();

  // Run it to the end: 10,000 rows, newest first, the first matching the table's first row.
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    dialog.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const [header, ...lines] = parseCsv(await readFile(await download.path(), 'utf8'));
  expect(lines).toHaveLength(10_000);
  expect(lines[0]?.[header!.indexOf('eventID')]).toBe(firstShown);
  await expect(dialog.getByRole('status')).toContainText('10,000 events (the newest of 100,002)');
});
