import { keySchema } from '../src/contract';
import { createKey, expect, signIn, test, uniqueName } from './fixtures';

const REGION = 'nl-01';

test('a key with 1,000 versions opens its history, virtualized, and jumps to any version', async ({
  page,
  api,
}) => {
  const key = await createKey(api, REGION, {
    name: uniqueName('Thousand versions'),
    keyType: 'aes128-gcm96',
    keyRotationEnabled: true,
    rotationPeriodInDays: 30,
  });
  const seeded = await api.post('/_emulator/seed-versions', {
    data: { region: REGION, id: key.identity, count: 999 },
  });
  expect(seeded.status()).toBe(200);
  const after = keySchema.parse(await seeded.json());
  expect(after.latestVersion).toBe(1000);
  expect(after.versions).toHaveLength(1000);

  await signIn(page);
  await page.goto(`/regions/${REGION}/keys/${key.identity}/versions`);
  await expect(page.getByRole('heading', { name: 'All versions (1,000)' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^v1000 .* Latest/ })).toBeVisible();
  await expect(page.getByText('Next automatic rotation: version 1001')).toBeVisible();
  await expect(page.getByText(/Showing \d+ of 1,000 versions/)).toBeVisible();
  // Only the visible window is in the DOM.
  const rendered = await page.locator('tbody tr[aria-rowindex]').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(100);
  await expect(page.getByRole('table')).toHaveAttribute('aria-rowcount', '1001');

  await page.getByRole('textbox', { name: 'Go to version' }).fill('1');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(page.getByRole('row', { name: /^v1 .* Can decrypt/ })).toBeVisible();
  await page.getByRole('textbox', { name: 'Go to version' }).fill('5000');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('There is no version 5000.');
});

test('versions below minDecryptionVersion are marked retired', async ({ page, api }) => {
  // The API cannot set minDecryptionVersion; this checks the page against whatever it reports.
  const key = await createKey(api, REGION, {
    name: uniqueName('Versions key'),
    keyType: 'rsa-2048',
  });
  expect((await api.post(`/v1/kms/${REGION}/keys/${key.identity}/rotate`)).status()).toBe(200);
  const res = await api.get(`/v1/kms/${REGION}/keys/${key.identity}`);
  const now = keySchema.parse(await res.json());
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys/${key.identity}/versions`);
  for (const v of now.versions) {
    const role =
      v.version === now.latestVersion
        ? /Latest/
        : v.version < now.minDecryptionVersion
          ? /Retired/
          : /Can decrypt and verify/;
    await expect(page.getByRole('row', { name: new RegExp(`^v${v.version} `) })).toContainText(
      role,
    );
  }
  await expect(page.getByText('Rotation is not enabled')).toBeVisible();
});
