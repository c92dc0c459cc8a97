import { createKey, expect, signIn, test, uniqueName } from './fixtures';

/*
 * The key page's "not found" looks the identity or slug up in the other regions and scopes the
 * session knows and links to where the key is.
 */

const PROJECT = 'proj-web';
test.setTimeout(90_000);

test('a link that lost its project finds the key in that project', async ({ page, api }) => {
  const key = await createKey(
    api,
    'nl-01',
    { name: uniqueName('Lost project key'), keyType: 'aes256-gcm96' },
    { project: PROJECT },
  );
  await signIn(page, { project: PROJECT });
  await expect(page.getByRole('heading', { level: 1, name: 'Regions' })).toBeVisible();

  // The same key page without ?project=: organisation scope has no such key.
  await page.goto(`/regions/nl-01/keys/${key.identity}`);
  await expect(
    page.getByRole('heading', { name: `Key "${key.identity}" not found` }),
  ).toBeVisible();
  const found = page.getByRole('link', {
    name: `Found in project ${PROJECT} (nl-01): ${key.name}`,
  });
  await expect(found).toBeVisible();
  await found.click();
  await expect(page).toHaveURL(
    new RegExp(`/regions/nl-01/keys/${key.identity}\\?project=${PROJECT}$`),
  );
  await expect(page.getByRole('heading', { level: 1, name: key.name })).toBeVisible();
});

test('a slug looked up in the wrong region is found in the other one', async ({ page, api }) => {
  const key = await createKey(api, 'nl-02', {
    name: uniqueName('Other region key'),
    keyType: 'aes256-gcm96',
  });
  await signIn(page);
  await page.goto(`/regions/nl-01/keys/${key.slug}`);
  await expect(page.getByRole('heading', { name: `Key "${key.slug}" not found` })).toBeVisible();
  await page
    .getByRole('link', { name: `Found in organisation scope (nl-02): ${key.name}` })
    .click();
  await expect(page).toHaveURL(new RegExp(`/regions/nl-02/keys/${key.identity}$`));
  await expect(page.getByRole('heading', { level: 1, name: key.name })).toBeVisible();
});

test('a key that is nowhere says where it was looked for', async ({ page }) => {
  await signIn(page);
  await page.goto('/regions/nl-01/keys/kms-no-such-key-anywhere');
  await expect(
    page.getByText(/Not in the other regions of organisation scope either/),
  ).toBeVisible();
});
