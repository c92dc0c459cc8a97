import type { APIRequestContext } from '@playwright/test';
import { summarySchema } from '../src/contract';
import { audit } from './axe-audit';
import { createKey, expect, signIn, test, uniqueName } from './fixtures';

const PROJECT = 'proj-web';

async function summary(api: APIRequestContext, project?: string) {
  const res = await api.get('/v1/kms/summary', {
    headers: project ? { 'X-Project-Identity': project } : {},
  });
  expect(res.ok()).toBe(true);
  return summarySchema.parse(await res.json());
}

test('the overview shows each region with its counts by status', async ({ page, api }) => {
  const headers = { 'X-Project-Identity': PROJECT };
  const keys = [];
  for (const n of [1, 2, 3])
    keys.push(
      await createKey(api, 'nl-02', { name: uniqueName(`overview ${n}`) }, { project: PROJECT }),
    );
  expect(
    (await api.post(`/v1/kms/nl-02/keys/${keys[1]!.identity}/disable`, { headers })).ok(),
  ).toBe(true);
  expect((await api.delete(`/v1/kms/nl-02/keys/${keys[2]!.identity}`, { headers })).ok()).toBe(
    true,
  );

  await signIn(page, { project: PROJECT });
  await page.goto(`/regions?project=${PROJECT}`);
  const list = page.getByRole('list', { name: 'Regions' });
  // Other tests may add keys to this scope at the same time: compare with a fresh summary.
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh regions' }).click();
    const expected = await summary(api, PROJECT);
    const nl = expected.regions.find((r) => r.slug === 'nl-02')!;
    const card = list.getByRole('article', { name: 'Netherlands 02' });
    await expect(card).toContainText(`${nl.totalKeys.toLocaleString('en')}keys`, { timeout: 2000 });
    await expect(card).toContainText(`Active${nl.activeKeys}`, { timeout: 1000 });
    await expect(card).toContainText(`Disabled${nl.disabledKeys}`, { timeout: 1000 });
    await expect(card).toContainText(`Pending deletion${nl.pendingDeletionKeys}`, {
      timeout: 1000,
    });
    expect(nl.disabledKeys).toBeGreaterThanOrEqual(1);
    expect(nl.pendingDeletionKeys).toBeGreaterThanOrEqual(1);
  }).toPass({ timeout: 20_000 });

  // A region without KMS is listed, not clickable, and says why.
  const de = list.getByRole('article', { name: 'Germany 01' });
  await expect(de).toContainText('KMS unavailable');
  await expect(de).toContainText(/not offered in this region/);
  await expect(de.getByRole('link')).toHaveCount(0);

  await list.getByRole('link', { name: 'Netherlands 02' }).click();
  await expect(page).toHaveURL(/\/regions\/nl-02\/keys\?project=proj-web/);
  await expect(page.getByRole('table', { name: 'Keys in nl-02' })).toBeVisible();
});

test('an organisation without KMS gets a clear page with what to do', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Organisation').fill('org-nokms');
  await page.getByLabel('API token').fill('e2e-token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(
    page.getByRole('heading', { name: 'KMS is not enabled for this organisation' }),
  ).toBeVisible();
  await expect(page.getByText(/Ask an organisation owner to enable KMS/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Use another organisation' })).toBeVisible();

  // Every other KMS path answers 403: the key list says the same.
  await page.goto('/regions/nl-01/keys');
  await expect(
    page.getByRole('heading', { name: 'KMS is not enabled for this organisation' }),
  ).toBeVisible();
  await expect(page.getByText(/HTTP 403/)).toBeVisible();
});

test('a link to an unknown project explains the 404 and offers organisation scope', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/regions?project=no-such-project');
  await expect(
    page.getByRole('heading', { name: 'Project not found, or no access' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Use organisation scope' }).click();
  await expect(page).toHaveURL(/\/regions$/);
  await expect(page.getByRole('list', { name: 'Regions' })).toBeVisible();

  await page.goto('/regions/nl-01/keys?project=no-such-project');
  await expect(
    page.getByRole('heading', { name: 'Region or project not found, or no access' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Use organisation scope' }).click();
  await expect(page).toHaveURL(/\/regions\/nl-01\/keys$/);
});

test('the region switcher keeps the current view', async ({ page, api }) => {
  const key = await createKey(api, 'nl-01', { name: uniqueName('switcher') });
  await createKey(api, 'nl-02', { name: uniqueName('switcher') });
  await signIn(page);
  await page.goto('/regions/nl-01/keys?q=switcher&sort=created&dir=desc');
  await expect(page.getByRole('searchbox', { name: /Search keys/ })).toHaveValue('switcher');

  const switcher = page.getByRole('button', { name: /Switch region/ });
  await switcher.click();
  await expect(page.getByRole('menuitemradio', { name: /Germany 01/ })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await page.getByRole('menuitemradio', { name: /Netherlands 02/ }).click();
  await expect(page).toHaveURL(/\/regions\/nl-02\/keys\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get('q')).toBe('switcher');
  expect(url.searchParams.get('sort')).toBe('created');
  expect(url.searchParams.get('dir')).toBe('desc');
  await expect(page.getByRole('searchbox', { name: /Search keys/ })).toHaveValue('switcher');

  // On a key page, the other region's key list opens (keys live in one region).
  await page.goto(`/regions/nl-01/keys/${key.identity}`);
  await page.getByRole('button', { name: /Switch region/ }).click();
  await page.getByRole('menuitemradio', { name: /Netherlands 02/ }).click();
  await expect(page).toHaveURL(/\/regions\/nl-02\/keys$/);

  // From the overview it opens the chosen region's keys.
  await page.goto('/regions');
  await page.getByRole('button', { name: 'Choose a region' }).click();
  await page.getByRole('menuitemradio', { name: /Netherlands 01/ }).click();
  await expect(page).toHaveURL(/\/regions\/nl-01\/keys$/);
});

test('the overview has no accessibility violations, light and dark', async ({ page }) => {
  await signIn(page);
  await page.goto('/regions');
  await expect(page.getByRole('list', { name: 'Regions' })).toBeVisible();
  await audit(page, 'overview', { rules: 'all', failOn: 'any' });
});
