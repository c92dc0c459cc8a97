import { createKey, expect, signIn, test, uniqueName } from './fixtures';

const REGION = 'nl-01';
/** What a schema issue list or raw JSON looks like on a page. */
const RAW = /invalid_(value|type|enum)|"code"\s*:|"path"\s*:|\[\s*\{/;

test('an unknown tab opens the key overview with a short notice, never an issue list', async ({
  page,
  api,
}) => {
  const key = await createKey(api, REGION, {
    name: uniqueName('bad tab'),
    keyType: 'aes256-gcm96',
  });
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys/${key.identity}/bogus-tab`);
  await expect(page).toHaveURL(new RegExp(`/regions/${REGION}/keys/${key.identity}$`));
  await expect(page.getByRole('heading', { name: key.name, level: 1 })).toBeVisible();
  await expect(
    page.getByRole('region', { name: /notifications/i }).getByText(/no “bogus-tab” tab/),
  ).toBeVisible();
  await expect(page.locator('body')).not.toContainText(RAW);
});

test('a bad search parameter is ignored by name with a notice; the list still shows', async ({
  page,
}) => {
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys?sort=bogus&dir=sideways`);
  await expect(
    page
      .getByRole('region', { name: /notifications/i })
      .getByText('The address parameters “sort”, “dir” could not be read and were ignored.'),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(RAW);
});
