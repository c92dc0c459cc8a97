import type { Page } from '@playwright/test';
import { createKey, E2E_ORG, E2E_TOKEN, expect, signIn, test, uniqueName } from './fixtures';

async function fillSignIn(page: Page, options: { org?: string; token?: string } = {}) {
  await page.getByLabel('Organisation').fill(options.org ?? E2E_ORG);
  await page.getByLabel('API token').fill(options.token ?? E2E_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const storage = (page: Page, kind: 'localStorage' | 'sessionStorage') =>
  page.evaluate((k) => JSON.stringify({ ...window[k] }), kind);

test('signing in with the form checks the token and opens the overview', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByLabel('API base URL')).toHaveValue('');
  await fillSignIn(page);
  await expect(page).toHaveURL(/\/regions$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Regions' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Organisation org-local/ })).toBeVisible();
  expect(await storage(page, 'sessionStorage')).toContain(E2E_TOKEN);
  expect(await storage(page, 'localStorage')).not.toContain(E2E_TOKEN);
  expect(page.url()).not.toContain(E2E_TOKEN);
});

test('a wrong token is refused on the token field and nothing is stored', async ({ page }) => {
  await page.goto('/sign-in');
  await fillSignIn(page, { token: 'not-the-token' });
  await expect(page.getByText(/The API refused this token/)).toBeVisible();
  await expect(page.getByLabel('API token')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await storage(page, 'sessionStorage')).not.toContain('not-the-token');
});

test('an unknown organisation is refused on the organisation field', async ({ page }) => {
  await page.goto('/sign-in');
  await fillSignIn(page, { org: 'org-does-not-exist' });
  await expect(page.getByText(/Organisation not found, or this token has no access/)).toBeVisible();
});

test('a deep link opened signed out returns to that page after sign-in', async ({ page, api }) => {
  await createKey(api, 'nl-01', { name: uniqueName('deep link') });
  await page.goto('/regions/nl-01/keys?q=abc&sort=created&dir=desc');
  await expect(page).toHaveURL(/\/sign-in\?redirect=/);
  await fillSignIn(page);
  await expect(page).toHaveURL(/\/regions\/nl-01\/keys\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get('q')).toBe('abc');
  expect(url.searchParams.get('sort')).toBe('created');
  await expect(page.getByRole('searchbox', { name: /Search keys/ })).toHaveValue('abc');
});

test('a 401 anywhere returns to sign-in and then to the same page', async ({ page, api }) => {
  const key = await createKey(api, 'nl-01', {
    name: uniqueName('401 round trip'),
    keyType: 'aes256-gcm96',
  });
  await signIn(page);
  await page.goto(`/regions/nl-01/keys?q=${encodeURIComponent(key.slug)}`);
  await expect(page.getByRole('link', { name: key.name })).toBeVisible();
  const listUrl = page.url();

  // The token stops being accepted (expired or revoked): the next API call answers 401.
  await page.route('**/v1/kms/**', (route) =>
    route.fulfill({
      status: 401,
      contentType: 'application/json',
      body: '{"message":"token expired"}',
    }),
  );
  await page.getByRole('button', { name: 'Refresh keys' }).click();
  await expect(page).toHaveURL(/\/sign-in\?redirect=/);
  await expect(page.getByText(/The API refused the token of this session/)).toBeVisible();
  await expect(page.getByLabel('Organisation')).toHaveValue(E2E_ORG);
  expect(await storage(page, 'sessionStorage')).not.toContain(E2E_TOKEN);

  await page.unroute('**/v1/kms/**');
  await fillSignIn(page);
  await expect(page).toHaveURL(listUrl);
  await expect(page.getByRole('link', { name: key.name })).toBeVisible();
});

test('signing out forgets the token and the cached keys', async ({ page, api }) => {
  const key = await createKey(api, 'nl-01', {
    name: uniqueName('sign out'),
    keyType: 'aes256-gcm96',
  });
  await signIn(page);
  await page.goto(`/regions/nl-01/keys?q=${encodeURIComponent(key.slug)}`);
  await expect(page.getByRole('link', { name: key.name })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await storage(page, 'sessionStorage')).not.toContain(E2E_TOKEN);
  // Back to the list: no token, so sign-in again, and nothing of the old list on screen.
  await page.goBack();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByText(key.name)).toHaveCount(0);
  await page.goto(`/regions/nl-01/keys?q=${encodeURIComponent(key.slug)}`);
  await expect(page).toHaveURL(/\/sign-in/);
});

test('the scope switcher sets the project in the URL and remembers it for the session', async ({
  page,
  api,
}) => {
  const projectKey = await createKey(
    api,
    'nl-01',
    { name: uniqueName('scoped key'), keyType: 'aes256-gcm96' },
    { project: 'proj-web' },
  );
  await createKey(api, 'nl-01', { name: uniqueName('org scoped key') });
  await signIn(page);
  await page.goto('/regions/nl-01/keys');
  const scope = page.getByRole('button', { name: /Change scope/ });
  await expect(scope).toContainText('Organisation scope');
  // Organisation scope does not list the project's key.
  await page.getByRole('searchbox', { name: /Search keys/ }).fill(projectKey.slug);
  await expect(page.getByRole('link', { name: projectKey.name })).toHaveCount(0);

  await scope.click();
  // An unknown project is refused before it becomes the scope.
  await page.getByPlaceholder('Project identity or slug').fill('no-such-project');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: /Project "no-such-project" not found/ }),
  ).toBeVisible();
  await expect(page).not.toHaveURL(/project=/);
  await page.getByPlaceholder('Project identity or slug').fill('proj-web');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page).toHaveURL(/[?&]project=proj-web/);
  await expect(scope).toContainText('proj-web');
  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: projectKey.name }) });
  await expect(row).toBeVisible();
  await expect(row.getByText('proj-web')).toBeVisible();

  // The scope survives a reload and navigation.
  await page.reload();
  await expect(page.getByRole('link', { name: projectKey.name })).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Breadcrumb' })
    .getByRole('link', { name: 'Regions' })
    .click();
  await expect(page).toHaveURL(/\/regions\?project=proj-web/);

  // Back to organisation scope, then the project again from the remembered list.
  await scope.click();
  await page.getByRole('button', { name: 'Organisation scope' }).click();
  await expect(page).not.toHaveURL(/project=/);
  await scope.click();
  await page.getByRole('button', { name: 'proj-web' }).click();
  await expect(page).toHaveURL(/project=proj-web/);
  const recent = await storage(page, 'sessionStorage');
  expect(recent).toContain('proj-web');
});

test('switching organisation from the scope menu leaves the old project behind', async ({
  page,
}) => {
  await signIn(page, { project: 'proj-web' });
  await page.goto('/regions?project=proj-web');
  await page.getByRole('button', { name: /Change scope/ }).click();
  await page.getByRole('button', { name: 'Switch' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page).not.toHaveURL(/project=/);
  await expect(page.getByLabel('Organisation')).toHaveValue(E2E_ORG);
  await page.getByLabel('Organisation').fill('org-nokms');
  await page.getByLabel('API token').fill(E2E_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/regions$/);
  await expect(
    page.getByRole('heading', { name: 'KMS is not enabled for this organisation' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /Organisation org-nokms/ })).toBeVisible();
});
