import { constants, createCipheriv, publicEncrypt, randomBytes } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { createKey, expect, readKey, signIn, test, uniqueName } from './fixtures';

const REGION = 'nl-01';

test('rotate now: the dialog says what happens, a new version becomes latest', async ({
  page,
  api,
}) => {
  const key = await createKey(api, REGION, {
    name: uniqueName('Rotate key'),
    keyType: 'aes256-gcm96',
  });
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys/${key.identity}/versions`);
  const trigger = page.getByRole('button', { name: 'Rotate now' });
  await trigger.click();
  const dialog = page.getByRole('dialog', { name: /Rotate .* now\?/ });
  await expect(dialog).toContainText('A new version 2 is generated and becomes the latest');
  await expect(dialog).toContainText('version 1 can still decrypt');
  await expect(dialog).not.toContainText('versions 1 to 1');
  await dialog.getByRole('button', { name: 'Create version 2' }).click();
  await expect(dialog).toBeHidden();
  // Focus returns to what opened the dialog.
  await expect(trigger).toBeFocused();
  await expect(page.getByRole('row', { name: /v2 .* Latest/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /v1 .* Can decrypt/ })).toBeVisible();
  expect((await readKey(api, REGION, key.identity)).key?.latestVersion).toBe(2);
});

test('rotation settings: presets, next date before saving, contract rules, PATCH saved', async ({
  page,
  api,
}) => {
  const key = await createKey(api, REGION, {
    name: uniqueName('Rotation key'),
    keyType: 'hmac-sha256',
  });
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys/${key.identity}/rotation`);
  await page.getByRole('switch', { name: 'Rotate automatically' }).click();
  const period = page.getByRole('textbox', { name: 'Rotation period (days)' });
  await period.fill('3651');
  await expect(page.getByText('Rotation period must be at most 3650 days')).toBeVisible();
  await page.getByRole('button', { name: '180 days' }).click();
  await expect(period).toHaveValue('180');
  await expect(page.getByText(/the next rotation \(version 2\) falls on/)).toBeVisible();
  await page.getByRole('button', { name: 'Save rotation settings' }).click();
  await expect(page.getByText('Saved setting: on, every 180 days.')).toBeVisible();
  const saved = (await readKey(api, REGION, key.identity)).key;
  expect(saved?.keyRotationEnabled).toBe(true);
  expect(saved?.rotationPeriodInDays).toBe(180);
  // The overview reflects it without a reload (cache updated from the answer).
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(page.getByText('On, every 180 days')).toBeVisible();
});

test('disable and enable: what stops working, reasons on unavailable actions', async ({
  page,
  api,
}) => {
  const key = await createKey(api, REGION, {
    name: uniqueName('Toggle key'),
    keyType: 'aes256-gcm96',
  });
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys/${key.identity}`);
  await page.getByRole('button', { name: 'Disable' }).click();
  const dialog = page.getByRole('dialog', { name: /Disable/ });
  await expect(dialog).toContainText('Secrets Manager secrets bound to this key cannot be read');
  await expect(dialog).toContainText('You can enable the key again at any time');
  await dialog.getByRole('button', { name: 'Disable key' }).click();
  await expect(page.getByText('This key is disabled.', { exact: true })).toBeVisible();
  expect((await readKey(api, REGION, key.identity)).key?.status).toBe('disabled');
  const enc = await api.post(`/v1/kms/${REGION}/keys/${key.identity}/encrypt`, {
    data: { plaintext: 'aGVsbG8=' },
  });
  expect(enc.status()).toBe(400);

  // Rotate is unavailable, and says why on hover and to keyboard users.
  const rotate = page.getByRole('button', { name: 'Rotate now' });
  await expect(rotate).toBeDisabled();
  await rotate.locator('..').focus();
  await expect(page.getByRole('tooltip')).toContainText(
    'The key is disabled: enable it before rotating.',
  );

  await page.getByRole('button', { name: 'Enable' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Enable key' }).click();
  await expect(page.getByText('This key is disabled.', { exact: true })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Rotate now' })).toBeEnabled();
  expect((await readKey(api, REGION, key.identity)).key?.status).toBe('active');
});

test('a refused action shows the server message in place', async ({ page, api }) => {
  const key = await createKey(api, REGION, {
    name: uniqueName('Race key'),
    keyType: 'aes256-gcm96',
  });
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys/${key.identity}`);
  await page.getByRole('button', { name: 'Disable' }).click();
  // Someone else disables it meanwhile: the API refuses the second disable.
  expect((await api.post(`/v1/kms/${REGION}/keys/${key.identity}/disable`)).status()).toBe(200);
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Disable key' }).click();
  await expect(dialog.getByRole('alert')).toContainText('The request was refused');
  // The optimistic flip was rolled back to what the page knew, then a close shows the truth.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.reload();
  await expect(page.getByText('This key is disabled.', { exact: true })).toBeVisible();
});

/** BYOK (docs/emulator.md, "BYOK"): AES-KWP of the material, RSA-OAEP of the AES key. */
async function wrapForImport(api: APIRequestContext, material: Buffer): Promise<string> {
  const res = await api.get(`/v1/kms/${REGION}/wrapping-key`);
  expect(res.status()).toBe(200);
  const { publicKey } = (await res.json()) as { publicKey: string };
  const aesKey = randomBytes(32);
  const kwp = createCipheriv('id-aes256-wrap-pad', aesKey, Buffer.from('A65959A6', 'hex'));
  const wrapped = Buffer.concat([kwp.update(material), kwp.final()]);
  const rsa = publicEncrypt(
    { key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
    aesKey,
  );
  return Buffer.concat([rsa, wrapped]).toString('base64');
}

test('an imported key that can never rotate says so in plain words and offers no rotation', async ({
  page,
  api,
}) => {
  const key = await createKey(api, REGION, {
    name: uniqueName('Imported key'),
    keyType: 'aes256-gcm96',
    importKeyMaterial: await wrapForImport(api, randomBytes(32)),
    hashFunction: 'sha256',
  });
  expect(key.imported).toBe(true);
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys/${key.identity}/rotation`);
  await expect(page.getByRole('switch', { name: 'Rotate automatically' })).toBeDisabled();
  await expect(page.getByRole('textbox', { name: 'Rotation period (days)' })).toBeDisabled();
  await expect(page.getByRole('note').first()).toContainText(
    'imported with rotation not allowed: automatic rotation can never be turned on',
  );
  await expect(page.getByRole('heading', { name: 'This key never rotates' })).toBeVisible();
  await expect(page.getByText(/so it can never rotate/)).toBeVisible();
  await expect(page.getByText('Rotate now')).toHaveCount(0);
  await expect(page.getByText('allowRotation')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(page.getByText('No: this imported key can never rotate')).toBeVisible();
  await expect(page.getByText('Imported (BYOK)', { exact: true }).first()).toBeVisible();
});

test('cancelling deletion says the key becomes active, and can keep a disabled key disabled', async ({
  page,
  api,
}) => {
  const key = await createKey(api, REGION, {
    name: uniqueName('Cancel deletion key'),
    keyType: 'aes256-gcm96',
  });
  expect((await api.post(`/v1/kms/${REGION}/keys/${key.identity}/disable`)).status()).toBe(200);
  expect((await api.delete(`/v1/kms/${REGION}/keys/${key.identity}`)).status()).toBe(200);
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys/${key.identity}`);
  await page.getByRole('button', { name: 'Cancel deletion', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /Cancel deletion of/ });
  await expect(dialog).toContainText('returns to active');
  await expect(dialog).toContainText('even if the key was disabled before');
  await dialog.getByRole('button', { name: 'Cancel deletion and keep it disabled' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/Deletion cancelled: .* is disabled/).first()).toBeVisible();
  await expect(page.getByText('This key is disabled.', { exact: true })).toBeVisible();
  expect((await readKey(api, REGION, key.identity)).key?.status).toBe('disabled');
});
