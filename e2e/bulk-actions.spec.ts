import type { APIRequestContext, Page } from '@playwright/test';
import { keySchema, type Key } from '../src/contract';
import { FAULT_MESSAGES, injectFault } from './faults-support';
import { expect, signIn, test, uniqueName } from './fixtures';

/**
 * Bulk actions in the key list: select rows (ranges, all the filter matches), run one action on
 * all of them at a bounded concurrency, see every key's result, retry what failed. The API is
 * the judge of what happened to which key.
 */
const REGION = 'nl-01';

test.setTimeout(180_000);

async function seed(api: APIRequestContext, count: number, prefix: string, project?: string) {
  const res = await api.post('/_emulator/seed-keys', {
    data: { region: REGION, count, namePrefix: prefix, ...(project ? { project } : {}) },
    timeout: 90_000,
  });
  expect(res.status(), await res.text()).toBe(200);
}

async function listKeys(api: APIRequestContext, prefix: string, project?: string): Promise<Key[]> {
  const res = await api.get(`/v1/kms/${REGION}/keys`, {
    headers: project ? { 'X-Project-Identity': project } : {},
    timeout: 60_000,
  });
  expect(res.status()).toBe(200);
  const all = keySchema.array().parse(await res.json());
  return all.filter((k) => k.name.startsWith(`${prefix}-`));
}

const seededName = (prefix: string, i: number) => `${prefix}-${String(i).padStart(5, '0')}`;
const bar = (page: Page) => page.getByRole('toolbar', { name: 'Selected keys' });

async function chooseBulk(page: Page, action: RegExp) {
  await bar(page).getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menu', { name: 'Actions' }).getByRole('menuitem', { name: action }).click();
}

test('bulk disable of 25 keys: one failure keeps its message and retries', async ({
  page,
  api,
}) => {
  const prefix = uniqueName('bulk25');
  await seed(api, 25, prefix);
  const seeded = await listKeys(api, prefix);
  expect(seeded).toHaveLength(25);
  const broken = seeded.find((k) => k.name === seededName(prefix, 7))!;

  // Requests in flight at once, and list refreshes, as the browser sends them.
  let inFlight = 0;
  let maxInFlight = 0;
  let listReads = 0;
  const isDisable = (url: string) => /\/keys\/[^/]+\/disable$/.test(new URL(url).pathname);
  page.on('request', (r) => {
    if (r.method() === 'POST' && isDisable(r.url()))
      maxInFlight = Math.max(maxInFlight, ++inFlight);
    if (r.method() === 'GET' && new URL(r.url()).pathname === `/v1/kms/${REGION}/keys`)
      listReads += 1;
  });
  const settled = (r: { method: () => string; url: () => string }) => {
    if (r.method() === 'POST' && isDisable(r.url())) inFlight -= 1;
  };
  page.on('requestfinished', settled);
  page.on('requestfailed', settled);

  await signIn(page);
  await page.goto(`/regions/${REGION}/keys?q=${encodeURIComponent(prefix)}`);
  await expect(page.getByText(/^25 (of [\d,]+ )?keys$/)).toBeVisible({ timeout: 30_000 });

  // A range with Shift, then everything the filter matches (rows not rendered included).
  await page.getByRole('checkbox', { name: `Select ${seededName(prefix, 1)}` }).click();
  await page
    .getByRole('checkbox', { name: `Select ${seededName(prefix, 4)}` })
    .click({ modifiers: ['Shift'] });
  await expect(bar(page)).toContainText('4 keys selected');
  await bar(page).getByRole('button', { name: 'Select all 25 keys matching' }).click();
  await expect(bar(page)).toContainText('25 keys selected');

  const fault = await injectFault(
    page,
    { method: 'POST', path: `/v1/kms/${REGION}/keys/${broken.identity}/disable` },
    '500',
  );
  await chooseBulk(page, /Disable/);
  const dialog = page.getByRole('dialog', { name: `Disable 25 keys in ${REGION}` });
  const readsBefore = listReads;
  await dialog.getByRole('button', { name: 'Disable 25 keys' }).click();

  const status = dialog.getByRole('status');
  await expect(status).toContainText('24 done1 failed0 remaining', { timeout: 60_000 });
  const failed = dialog.getByRole('region', { name: 'Failed' });
  await expect(failed).toContainText(broken.name);
  await expect(failed).toContainText(FAULT_MESSAGES['500']);
  expect(fault.count()).toBe(1);
  const afterRun = await listKeys(api, prefix);
  expect(afterRun.filter((k) => k.status === 'disabled')).toHaveLength(24);
  expect(afterRun.find((k) => k.identity === broken.identity)?.status).toBe('active');

  await fault.remove();
  await dialog.getByRole('button', { name: 'Retry 1 key that failed' }).click();
  await expect(status).toContainText('25 done0 failed0 remaining');
  await expect(failed).toBeHidden();
  await expect
    .poll(async () => (await listKeys(api, prefix)).every((k) => k.status === 'disabled'))
    .toBe(true);

  // At most 4 at a time; the list was read again once per run, not once per key.
  expect(maxInFlight).toBeGreaterThan(1);
  expect(maxInFlight).toBeLessThanOrEqual(4);
  await expect.poll(() => listReads - readsBefore).toBe(2);
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(bar(page)).toBeHidden();
  await expect(page.getByRole('table')).not.toContainText('Active');
});

test('bulk schedule deletion needs the typed count and region, and skips pending keys', async ({
  page,
  api,
}) => {
  const prefix = uniqueName('bulkdel');
  await seed(api, 4, prefix);
  const seeded = await listKeys(api, prefix);
  const already = seeded[0]!;
  expect((await api.delete(`/v1/kms/${REGION}/keys/${already.identity}`)).status()).toBe(200);

  await signIn(page);
  await page.goto(`/regions/${REGION}/keys?q=${encodeURIComponent(prefix)}`);
  await page
    .getByRole('checkbox', { name: 'Select all 4 keys in the list' })
    .click({ timeout: 30_000 });
  await chooseBulk(page, /Schedule deletion/);
  const dialog = page.getByRole('dialog', { name: `Schedule deletion of 3 keys in ${REGION}` });
  await expect(dialog.getByRole('region', { name: 'Skipped keys' })).toContainText(
    'Deletion is already scheduled.',
  );
  const confirm = dialog.getByRole('button', { name: 'Schedule deletion of 3 keys' });
  const typed = dialog.getByRole('textbox', { name: `Type delete 3 keys in ${REGION} to confirm` });
  await expect(confirm).toBeDisabled();
  await typed.fill(`delete 4 keys in ${REGION}`);
  await expect(confirm).toBeDisabled();
  await typed.fill(`delete 3 keys in ${REGION}`);
  await expect(confirm).toBeEnabled();
  // Nothing was sent before the phrase was typed.
  expect((await listKeys(api, prefix)).filter((k) => k.status === 'pending_deletion')).toHaveLength(
    1,
  );
  await confirm.click();
  await expect(dialog.getByRole('status')).toContainText('3 done0 failed0 remaining');
  expect((await listKeys(api, prefix)).every((k) => k.status === 'pending_deletion')).toBe(true);
});

test('select all matching over a 10,000-key region acts on exactly the filtered keys', async ({
  page,
  api,
}) => {
  const project = 'proj-ci';
  const prefix = uniqueName('bulkbig');
  await seed(api, 10_000, prefix, project);
  await signIn(page, { project });
  // Keys 00400 to 00499 of this run: 100 keys, most of them never rendered by the virtual list.
  const filter = `${prefix}-004`;
  await page.goto(`/regions/${REGION}/keys?project=${project}&q=${encodeURIComponent(filter)}`);
  await expect(page.getByText(/^100 of [\d,]+ keys$/)).toBeVisible({ timeout: 60_000 });
  const rendered = await page.locator('tbody tr[data-key-row]').count();
  expect(rendered).toBeLessThan(100);

  await page.getByRole('checkbox', { name: `Select ${seededName(prefix, 400)}` }).click();
  await bar(page).getByRole('button', { name: 'Select all 100 keys matching' }).click();
  await expect(bar(page)).toContainText('100 keys selected');
  await chooseBulk(page, /Disable/);
  const dialog = page.getByRole('dialog', { name: `Disable 100 keys in ${REGION}` });
  await dialog.getByRole('button', { name: 'Disable 100 keys' }).click();
  await expect(dialog.getByRole('status')).toContainText('100 done0 failed0 remaining', {
    timeout: 120_000,
  });

  const after = await listKeys(api, prefix, project);
  expect(after).toHaveLength(10_000);
  const disabled = after.filter((k) => k.status === 'disabled').map((k) => k.name);
  const expected = Array.from({ length: 100 }, (_, i) => seededName(prefix, 400 + i));
  expect(disabled.sort()).toEqual(expected);
});
