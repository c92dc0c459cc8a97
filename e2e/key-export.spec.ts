import { createKey, expect, signIn, test, uniqueName } from './fixtures';

const REGION = 'nl-01';

test('a key created without exportAllowed offers no export, and says so', async ({ page, api }) => {
  const key = await createKey(api, REGION, {
    name: uniqueName('Sealed key'),
    keyType: 'aes256-gcm96',
  });
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys/${key.identity}`);
  await expect(page.getByRole('heading', { level: 1, name: key.name })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export' })).toHaveCount(0);
  await expect(page.getByText('No: the material never leaves KMS')).toBeVisible();
});

test('export gate: nothing is fetched before the typed slug, material masked, cleared on close', async ({
  page,
  api,
}) => {
  const key = await createKey(api, REGION, {
    name: uniqueName('Break glass key'),
    keyType: 'aes256-gcm96',
    exportAllowed: true,
  });
  expect((await api.post(`/v1/kms/${REGION}/keys/${key.identity}/rotate`)).status()).toBe(200);
  const exports: string[] = [];
  page.on('request', (req) => {
    if (req.url().endsWith('/export')) exports.push(req.postData() ?? '');
  });
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys/${key.identity}`);
  const open = page.getByRole('button', { name: 'Export' });
  await open.click();
  const dialog = page.getByRole('dialog', { name: /Export key material/ });
  await expect(dialog).toContainText('Break-glass action');
  const submit = dialog.getByRole('button', { name: /Export version/ });
  const slug = dialog.getByRole('textbox', { name: /to confirm/ });
  await expect(submit).toBeDisabled();
  await dialog.getByRole('checkbox', { name: /cannot be revoked/ }).check();
  await expect(submit).toBeDisabled();
  await slug.fill(key.slug);
  await expect(submit).toBeDisabled();
  await slug.fill(`${REGION}/${key.slug}`.slice(0, -1));
  await expect(submit).toBeDisabled();
  await slug.fill(`${REGION}/${key.slug}`);
  await dialog.getByRole('combobox', { name: 'Version' }).selectOption('1');
  expect(exports).toEqual([]);
  await dialog.getByRole('button', { name: 'Export version 1' }).click();

  const material = dialog.getByTestId('export-material');
  await expect(material).toContainText('characters hidden');
  expect(exports).toEqual([JSON.stringify({ keyVersion: '1' })]);
  await dialog.getByRole('button', { name: 'Reveal' }).click();
  const revealed = (await material.innerText()).trim();
  expect(Buffer.from(revealed, 'base64')).toHaveLength(32);
  await expect(dialog.getByRole('timer')).toContainText(/Cleared from this page in \d+ s/);

  await dialog.getByRole('button', { name: 'Close dialog' }).click();
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
  expect(await page.content()).not.toContain(revealed);
  await open.click();
  await expect(dialog.getByTestId('export-material')).toHaveCount(0);
  await expect(dialog.getByRole('checkbox', { name: /cannot be revoked/ })).not.toBeChecked();
  await expect(dialog.getByRole('textbox', { name: /to confirm/ })).toHaveValue('');
  expect(exports).toHaveLength(1);
  // The audit feed records the export, without the material.
  await page.keyboard.press('Escape');
  await expect(page.getByText(/Last used .* by Export \(version 1\)/)).toBeVisible();
});

test('exported material is cleared after 60 seconds and the gate is re-armed', async ({
  page,
  api,
}) => {
  test.slow(); // sign-in, export and two clock jumps, on a shared machine
  const key = await createKey(api, REGION, {
    name: uniqueName('Timed export key'),
    keyType: 'hmac-sha512',
    exportAllowed: true,
  });
  await page.clock.install();
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys/${key.identity}`);
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('checkbox').check();
  await dialog.getByRole('textbox', { name: /to confirm/ }).fill(`${REGION}/${key.slug}`);
  await dialog.getByRole('button', { name: 'Export version 1' }).click();
  await dialog.getByRole('button', { name: 'Reveal' }).click();
  const revealed = (await dialog.getByTestId('export-material').innerText()).trim();
  expect(Buffer.from(revealed, 'base64')).toHaveLength(64);
  await page.clock.runFor(30_000);
  await expect(dialog.getByRole('timer')).toContainText(/in (29|30) s/);
  await page.clock.runFor(31_000);
  await expect(dialog.getByTestId('export-material')).toHaveCount(0);
  await expect(dialog.getByRole('status')).toContainText('cleared from this page');
  expect(await page.content()).not.toContain(revealed);
  // Re-armed: consent is asked again from scratch.
  await expect(dialog.getByRole('checkbox')).not.toBeChecked();
  await expect(dialog.getByRole('textbox', { name: /to confirm/ })).toHaveValue('');
  await expect(dialog.getByRole('button', { name: 'Export version 1' })).toBeDisabled();
});
