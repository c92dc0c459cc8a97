import type { Page } from '@playwright/test';
import { expect, signIn, test, uniqueName } from './fixtures';

/**
 * A region with 10,000 keys (seeded through the emulator's test control, in project proj-ci so
 * no other spec sees them): the list renders only the rows in view, and search, sort, scrolling
 * and keyboard moves work across all of them. No timings are asserted.
 */
const REGION = 'nl-01';
const PROJECT = 'proj-ci';
const COUNT = 10_000;

test.setTimeout(120_000);

const table = (page: Page) => page.getByRole('table', { name: `Keys in ${REGION}` });
const bodyRows = (page: Page) => table(page).locator('tbody tr:not([aria-hidden])');
const scroller = (page: Page) => page.getByTestId('key-table-scroller');

test('10,000 keys list, search, sort and scroll', async ({ page, api }) => {
  const prefix = uniqueName('big');
  const seeded = await api.post('/_emulator/seed-keys', {
    data: { region: REGION, count: COUNT, namePrefix: prefix, project: PROJECT },
    timeout: 60_000,
  });
  expect(seeded.status(), await seeded.text()).toBe(200);

  await signIn(page, { project: PROJECT });
  await page.goto(`/regions/${REGION}/keys?project=${PROJECT}`);
  // Other tests may seed this scope too: read the total the page shows, then check the table.
  const countText = page.getByText(/^[\d,]+ keys$/);
  await expect(countText).toBeVisible({ timeout: 30_000 });
  const total = Number((await countText.innerText()).replace(/\D/g, ''));
  expect(total).toBeGreaterThanOrEqual(COUNT);
  await expect(table(page)).toHaveAttribute('aria-rowcount', String(total + 1));
  // Virtualized: only a screenful of rows is in the DOM.
  const rendered = await bodyRows(page).count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(80);

  // Instant search across all of them.
  const search = page.getByRole('searchbox', { name: /Search keys/ });
  await search.fill(`${prefix}-09999`);
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(page.getByText(/^1 of [\d,]+ keys$/)).toBeVisible();
  await search.fill(`${prefix}-0999`);
  await expect(page.getByText(/^10 of [\d,]+ keys$/)).toBeVisible();
  // Only this test's keys from here on (names are numbered, so name order is known).
  await search.fill(prefix);
  await expect(table(page)).toHaveAttribute('aria-rowcount', String(COUNT + 1));

  // Scrolling to the end reaches the last key.
  await scroller(page).evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(page.getByRole('link', { name: `${prefix}-10000`, exact: true })).toBeVisible();
  expect(await bodyRows(page).count()).toBeLessThan(80);

  // Sorting descending brings it to the top.
  await scroller(page).evaluate((el) => (el.scrollTop = 0));
  await table(page).getByRole('button', { name: /^Name/ }).click();
  await expect(table(page).getByRole('columnheader', { name: /^Name/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await expect(bodyRows(page).first()).toContainText(`${prefix}-10000`);

  // Keyboard: End jumps to the last row, Home back to the first.
  const firstLink = page.getByRole('link', { name: `${prefix}-10000`, exact: true });
  await firstLink.focus();
  await page.keyboard.press('End');
  await expect(page.getByRole('link', { name: `${prefix}-00001`, exact: true })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(firstLink).toBeFocused();
});

test('sorting and filtering keep the selected row where it was on screen', async ({
  page,
  api,
}) => {
  const prefix = uniqueName('anchor');
  const seeded = await api.post('/_emulator/seed-keys', {
    data: { region: REGION, count: 3000, namePrefix: prefix, project: PROJECT },
    timeout: 60_000,
  });
  expect(seeded.status()).toBe(200);
  await signIn(page, { project: PROJECT });
  await page.goto(`/regions/${REGION}/keys?project=${PROJECT}&q=${encodeURIComponent(prefix)}`);
  const t = table(page);
  await expect(t).toHaveAttribute('aria-rowcount', '3001', { timeout: 30_000 });

  // Select a row in the middle of the list (focus it, as arrow keys or a click would).
  const scroll = page.getByTestId('key-table-scroller');
  await scroll.evaluate((el) => (el.scrollTop = 1500 * 56 - 200));
  const target = page.getByRole('link', { name: `${prefix}-01501`, exact: true });
  await expect(target).toBeVisible();
  await target.focus();
  const before = (await target.boundingBox())!.y;

  // Sort descending: the row moves from index 1500 to 1499 and stays put on screen.
  await t.getByRole('button', { name: /^Name/ }).click();
  await expect(t.locator('tbody tr').nth(1)).toBeVisible();
  await expect(page.getByRole('link', { name: `${prefix}-03000`, exact: true })).toHaveCount(0);
  await expect(target).toBeVisible();
  const afterSort = (await target.boundingBox())!.y;
  expect(Math.abs(afterSort - before)).toBeLessThanOrEqual(2);

  // Narrow the search so the row's index changes a lot: it is still where it was.
  await page.getByRole('searchbox', { name: /Search keys/ }).fill(`${prefix}-01`);
  await expect(t).toHaveAttribute('aria-rowcount', '1001');
  await expect(target).toBeVisible();
  const afterFilter = (await target.boundingBox())!.y;
  expect(Math.abs(afterFilter - before)).toBeLessThanOrEqual(2);

  // Opening the key and coming back brings the same row into view again.
  await target.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/keys\/kms-/);
  await page.goBack();
  await expect(page.getByRole('searchbox', { name: /Search keys/ })).toHaveValue(`${prefix}-01`);
  await expect(page.getByRole('link', { name: `${prefix}-01501`, exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: `${prefix}-01999`, exact: true })).toHaveCount(0);
});
