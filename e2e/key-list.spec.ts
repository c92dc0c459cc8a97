import type { APIRequestContext, Page } from '@playwright/test';
import { keySchema } from '../src/contract';
import { audit } from './axe-audit';
import { createKey, expect, signIn, test, uniqueName } from './fixtures';

const REGION = 'nl-01';

async function action(api: APIRequestContext, identity: string, op: 'disable' | 'rotate') {
  const res = await api.post(`/v1/kms/${REGION}/keys/${identity}/${op}`);
  expect(res.ok(), `${op} ${identity}`).toBe(true);
}

/** Creates a small, recognisable set of keys; all names start with the returned prefix. */
async function seedSet(api: APIRequestContext) {
  const prefix = uniqueName('list');
  const rotating = await createKey(api, REGION, {
    name: `${prefix} alpha`,
    keyType: 'aes256-gcm96',
    labels: { env: 'prod', team: 'core' },
    keyRotationEnabled: true,
    rotationPeriodInDays: 30,
  });
  await action(api, rotating.identity, 'rotate');
  const signing = await createKey(api, REGION, { name: `${prefix} bravo`, keyType: 'ed25519' });
  await action(api, signing.identity, 'disable');
  const mac = await createKey(api, REGION, { name: `${prefix} charlie`, keyType: 'hmac-sha256' });
  const doomed = await createKey(api, REGION, { name: `${prefix} delta`, keyType: 'rsa-2048' });
  const del = await api.delete(`/v1/kms/${REGION}/keys/${doomed.identity}`);
  expect(del.ok()).toBe(true);
  const deleted = keySchema.parse(await del.json());
  return { prefix, rotating, signing, mac, doomed: deleted };
}

const table = (page: Page) => page.getByRole('table', { name: `Keys in ${REGION}` });
const bodyRows = (page: Page) => table(page).locator('tbody tr:not([aria-hidden])');
const search = (page: Page) => page.getByRole('searchbox', { name: /Search keys/ });
const rowOf = (page: Page, name: string) =>
  bodyRows(page).filter({ has: page.getByRole('link', { name, exact: true }) });

test('each key shows its name, slug, identity, type, status, rotation, versions, labels and age', async ({
  page,
  api,
}) => {
  const { prefix, rotating, signing, doomed } = await seedSet(api);
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys?q=${encodeURIComponent(prefix)}`);
  await expect(bodyRows(page)).toHaveCount(4);
  const headers = table(page).getByRole('columnheader');
  // The checkbox column (select all) first, the row menus last.
  await expect(headers).toHaveText([
    '',
    'Name',
    'Identity',
    'Type',
    'Status',
    'Rotation',
    /Latest/,
    /Min\. decrypt/,
    'Labels',
    'Created',
    'Actions',
  ]);

  const alpha = rowOf(page, rotating.name);
  await expect(alpha).toContainText(rotating.slug);
  await expect(alpha).toContainText(rotating.identity);
  await expect(
    alpha.getByRole('button', { name: `Copy identity of ${rotating.name}` }),
  ).toBeVisible();
  await expect(alpha).toContainText('AES-256-GCM');
  await expect(alpha).toContainText('Encrypt');
  await expect(alpha).toContainText('Active');
  await expect(alpha).toContainText('Every 30 days');
  await expect(alpha).toContainText(/Next \d{2} \w{3} \d{4}/);
  await expect(alpha.locator('td').nth(6)).toHaveText('v2');
  await expect(alpha.locator('td').nth(7)).toHaveText('v1');
  await expect(alpha).toContainText('env=prod');
  const created = alpha.locator('time');
  // Relative to the browser's clock (other specs may move the emulator's clock ahead).
  await expect(created).toHaveAttribute('datetime', rotating.createdAt);
  await expect(created).toHaveText(/\w/);
  await expect(created).toHaveAttribute('title', /\d{4}, \d{2}:\d{2}:\d{2}/);

  const bravo = rowOf(page, signing.name);
  await expect(bravo).toContainText('Ed25519');
  await expect(bravo).toContainText('Sign');
  await expect(bravo).toContainText('Disabled');
  await expect(bravo.locator('td').nth(5)).toHaveText('Off');

  const delta = rowOf(page, doomed.name);
  await expect(delta).toContainText('Pending deletion');
  const purgeAt = Date.parse(doomed.deletionScheduledAt ?? '');
  const days = Math.ceil((purgeAt - Date.now()) / 86_400_000);
  await expect(delta).toContainText(
    days > 0 ? new RegExp(`Deleted in (${days}|${days - 1}) days?`) : /Deletion due now/,
  );
  await expect(delta).toContainText('Encrypt · Sign');
});

test('project keys carry a scope badge', async ({ page, api }) => {
  const key = await createKey(api, REGION, { name: uniqueName('badge') }, { project: 'proj-web' });
  await signIn(page, { project: 'proj-web' });
  await page.goto(`/regions/${REGION}/keys?project=proj-web&q=${encodeURIComponent(key.slug)}`);
  await expect(rowOf(page, key.name).getByTitle('Project key: proj-web')).toBeVisible();
});

test('search, facets and sort live in the URL and survive a reload', async ({ page, api }) => {
  const { prefix, rotating, signing, mac, doomed } = await seedSet(api);
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys`);
  await search(page).fill(prefix);
  await expect(bodyRows(page)).toHaveCount(4);
  await expect(page).toHaveURL(/[?&]q=/);

  // Instant search also matches labels.
  await search(page).fill(`${prefix} env=prod`);
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(rowOf(page, rotating.name)).toBeVisible();
  await search(page).fill(prefix);

  // Facets: status, then purpose (RSA counts as sign too).
  await page.getByRole('button', { name: 'Filter by status' }).click();
  await page.getByRole('menuitemcheckbox', { name: /Disabled/ }).click();
  await page.getByRole('menuitemcheckbox', { name: /Pending deletion/ }).click();
  await page.keyboard.press('Escape');
  await expect(bodyRows(page)).toHaveCount(2);
  await page.getByRole('button', { name: 'Filter by purpose' }).click();
  await page.getByRole('menuitemcheckbox', { name: /Sign/ }).click();
  await page.keyboard.press('Escape');
  await expect(bodyRows(page)).toHaveCount(2);
  await page.getByRole('button', { name: /Filter by key type/ }).click();
  await page.getByRole('menuitemcheckbox', { name: /RSA 2048/ }).click();
  await page.keyboard.press('Escape');
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(rowOf(page, doomed.name)).toBeVisible();
  await page.getByRole('button', { name: 'Remove filter Type: RSA 2048' }).click();
  await expect(bodyRows(page)).toHaveCount(2);

  // Sort by name, descending, from the column header.
  const nameHeader = table(page).getByRole('columnheader', { name: /^Name/ });
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(bodyRows(page).first()).toContainText(doomed.name);

  const url = new URL(page.url());
  expect(url.searchParams.get('status')).toBe('disabled,pending_deletion');
  expect(url.searchParams.get('purpose')).toBe('sign');
  expect(url.searchParams.get('dir')).toBe('desc');

  await page.reload();
  await expect(search(page)).toHaveValue(prefix);
  await expect(bodyRows(page)).toHaveCount(2);
  await expect(bodyRows(page).first()).toContainText(doomed.name);
  await expect(bodyRows(page).nth(1)).toContainText(signing.name);
  await expect(table(page).getByRole('columnheader', { name: /^Name/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  );

  // Sort on another column: created, newest first.
  await table(page)
    .getByRole('button', { name: /^Created/ })
    .click();
  await expect(table(page).getByRole('columnheader', { name: /^Created/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  );

  // Nothing matches: a reset brings everything back.
  await search(page).fill(`${prefix} no-such-key`);
  await expect(page.getByRole('heading', { name: 'No keys match' })).toBeVisible();
  await page.getByRole('button', { name: 'Reset search and filters' }).click();
  await expect(search(page)).toHaveValue('');
  await expect(page.getByText(/^[\d,]+ keys?$/)).toBeVisible();
  await expect(page).not.toHaveURL(/status=|purpose=|[?&]q=/);
  await search(page).fill(mac.slug);
  await expect(rowOf(page, mac.name)).toBeVisible();
});

test('exact lookup asks the API with its filters', async ({ page, api }) => {
  const { prefix, rotating } = await seedSet(api);
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys`);
  await page.getByRole('button', { name: 'Exact lookup' }).click();
  await page.getByLabel('Name', { exact: true }).fill(rotating.name);
  await page.getByLabel('Labels').fill('env=prod');
  const request = page.waitForRequest(
    (r) => r.url().includes(`/v1/kms/${REGION}/keys?`) && r.url().includes('matchLabels'),
  );
  await page.getByRole('button', { name: 'Look up' }).click();
  const sent = new URL((await request).url());
  expect(sent.searchParams.get('name')).toBe(rotating.name);
  expect(sent.searchParams.get('matchLabels[env]')).toBe('prod');
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(rowOf(page, rotating.name)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Exact lookup' })).toContainText(
    `name = ${rotating.name}`,
  );

  // The lookup is in the URL too.
  await page.reload();
  await expect(rowOf(page, rotating.name)).toBeVisible();
  await expect(bodyRows(page)).toHaveCount(1);

  // A lookup that matches nothing says so; "Show all keys" leaves lookup mode.
  await page.goto(`/regions/${REGION}/keys?slug=${encodeURIComponent(`${prefix}-nothing`)}`);
  await expect(page.getByRole('heading', { name: 'No keys match' })).toBeVisible();
  await expect(page.getByText(/found no key with exactly these values/)).toBeVisible();
});

test('rows open the key with the keyboard and with the mouse', async ({ page, api }) => {
  const { prefix, rotating, signing } = await seedSet(api);
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys?q=${encodeURIComponent(prefix)}`);
  await expect(bodyRows(page)).toHaveCount(4);

  // Tab from the search box reaches the table; arrows move; Enter opens.
  await search(page).focus();
  const first = rowOf(page, rotating.name).getByRole('link', { name: rotating.name });
  await first.focus();
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const second = page.getByRole('link', { name: signing.name, exact: true });
  await expect(second).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/regions/${REGION}/keys/${signing.identity}$`));

  await page.goBack();
  await expect(bodyRows(page)).toHaveCount(4);
  await rowOf(page, rotating.name).locator('td').nth(5).click();
  await expect(page).toHaveURL(new RegExp(`/regions/${REGION}/keys/${rotating.identity}$`));
});

test('the list and its controls are reachable by keyboard', async ({ page, api }) => {
  const { prefix } = await seedSet(api);
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys?q=${encodeURIComponent(prefix)}`);
  await expect(bodyRows(page)).toHaveCount(4);
  // "/" focuses the search from anywhere.
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('/');
  await expect(search(page)).toBeFocused();
  // A facet opens and toggles from the keyboard.
  await page.getByRole('button', { name: 'Filter by status' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitemcheckbox', { name: /Active/ })).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Escape');
  await expect(bodyRows(page)).toHaveCount(2);
  await expect(page).toHaveURL(/status=active/);
  // Column sorting works from the keyboard.
  await table(page).getByRole('button', { name: /^Type/ }).focus();
  await page.keyboard.press('Enter');
  await expect(table(page).getByRole('columnheader', { name: /^Type/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
});

test('an empty region invites creating the first key', async ({ page }) => {
  // Nothing in the e2e suite creates keys in project proj-ci in nl-02.
  await signIn(page, { project: 'proj-ci' });
  await page.goto('/regions/nl-02/keys?project=proj-ci');
  await expect(page.getByRole('heading', { name: 'No keys in nl-02 yet' })).toBeVisible();
  await page.getByRole('link', { name: 'Create your first key' }).click();
  await expect(page).toHaveURL(/\/regions\/nl-02\/keys\/new\?project=proj-ci/);
});

test('the Create key button opens the wizard for this region', async ({ page, api }) => {
  await seedSet(api);
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys`);
  await page.getByRole('link', { name: 'Create key' }).click();
  await expect(page).toHaveURL(new RegExp(`/regions/${REGION}/keys/new`));
});

test('a region without KMS (503) offers the regions that have it', async ({ page }) => {
  await signIn(page);
  await page.goto('/regions/de-01/keys');
  await expect(page.getByRole('heading', { name: 'KMS is not available in de-01' })).toBeVisible();
  const offered = page.getByRole('navigation', { name: 'Regions with KMS' });
  await expect(offered.getByRole('link')).toHaveText([
    'Netherlands 01 (nl-01)',
    'Netherlands 02 (nl-02)',
  ]);
  await offered.getByRole('link', { name: /nl-02/ }).click();
  await expect(page).toHaveURL(/\/regions\/nl-02\/keys$/);
});

test('an unknown region (404) names both possible reasons', async ({ page }) => {
  await signIn(page);
  await page.goto('/regions/xx-99/keys');
  await expect(page.getByRole('heading', { name: 'Region not found, or no access' })).toBeVisible();
  await expect(page.getByText(/Either it does not exist .* or your role/)).toBeVisible();
  await page.getByRole('link', { name: 'See all regions' }).click();
  await expect(page).toHaveURL(/\/regions$/);
});

test('a network failure can be retried', async ({ page, api }) => {
  const { prefix } = await seedSet(api);
  await signIn(page);
  await page.route(`**/v1/kms/${REGION}/keys*`, (route) => route.abort('internetdisconnected'));
  await page.goto(`/regions/${REGION}/keys?q=${encodeURIComponent(prefix)}`);
  await expect(page.getByRole('heading', { name: 'Cannot reach the KMS API' })).toBeVisible({
    timeout: 20_000,
  });
  await page.unroute(`**/v1/kms/${REGION}/keys*`);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(bodyRows(page)).toHaveCount(4);
});

test('rows stay visible while the list refreshes, and after a failed refresh', async ({
  page,
  api,
}) => {
  const { prefix } = await seedSet(api);
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys?q=${encodeURIComponent(prefix)}`);
  await expect(bodyRows(page)).toHaveCount(4);

  // Hold the next list request until the test releases it.
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route(`**/v1/kms/${REGION}/keys*`, async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole('button', { name: 'Refresh keys' }).click();
  await expect(page.getByRole('button', { name: 'Refreshing keys' })).toBeVisible();
  await expect(bodyRows(page)).toHaveCount(4);
  await expect(table(page).locator('xpath=ancestor::div[@aria-busy="true"]')).toHaveCount(1);
  release();
  await expect(page.getByRole('button', { name: 'Refresh keys' })).toBeVisible();
  await page.unroute(`**/v1/kms/${REGION}/keys*`);

  // A refresh that fails keeps the rows and says so.
  await page.route(`**/v1/kms/${REGION}/keys*`, (route) => route.abort('internetdisconnected'));
  await page.getByRole('button', { name: 'Refresh keys' }).click();
  await expect(page.getByText(/Could not refresh/)).toBeVisible({ timeout: 20_000 });
  await expect(bodyRows(page)).toHaveCount(4);
});

test('the key list has no accessibility violations, light and dark', async ({ page, api }) => {
  const { prefix } = await seedSet(api);
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys?q=${encodeURIComponent(prefix)}`);
  await expect(bodyRows(page)).toHaveCount(4);
  await audit(page, 'key list', { rules: 'all', failOn: 'any' });
});

test('the sign-in page has no accessibility violations', async ({ page }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    // Outside the app frame the theme does not follow a live change: loaded in each scheme.
    await audit(page, 'sign-in', { schemes: [scheme], rules: 'all', failOn: 'any' });
  }
});
