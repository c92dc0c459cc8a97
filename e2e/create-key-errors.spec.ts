import { constants, createCipheriv, publicEncrypt, randomBytes } from 'node:crypto';
import { wrappingKeyResponseSchema } from '../src/contract';
import { wizard } from './create-key-wizard';
import { createKey, expect, signIn, test, uniqueName } from './fixtures';

test.describe('create-key wizard: errors', () => {
  test('409: back to Details with the error on the name, every input kept', async ({
    page,
    api,
  }) => {
    const taken = await createKey(api, 'nl-01', {
      name: uniqueName('taken'),
      keyType: 'aes256-gcm96',
    });
    const w = wizard(page);
    await signIn(page);
    await w.open();
    await w.keyType('ECDSA P-384').click();
    await w.next('Details');
    await w.name().fill(taken.name);
    await w.description().fill('kept after the conflict');
    await page.getByRole('button', { name: 'Add label' }).click();
    await page.getByLabel('Label 1 key').fill('team');
    await page.getByLabel('Label 1 value').fill('payments');
    await w.next('Rotation');
    await w.rotationSwitch().click();
    await page.getByRole('button', { name: '30 days' }).click();
    await w.next('Export');
    await w.next('Review and create');
    await w.createButton().click();

    await expect(w.heading('Details')).toBeVisible();
    await expect(page).toHaveURL(/step=details/);
    await expect(w.name()).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('alert').filter({ hasText: /already exists/ })).toBeVisible();
    await expect(w.name()).toHaveValue(taken.name);
    await expect(w.description()).toHaveValue('kept after the conflict');
    await expect(page.getByLabel('Label 1 key')).toHaveValue('team');
    await expect(page.getByLabel('Label 1 value')).toHaveValue('payments');

    const name = uniqueName('not taken');
    await w.name().fill(name);
    await w.next('Rotation');
    await expect(w.period()).toHaveValue('30');
    await w.next('Export');
    await w.next('Review and create');
    await expect(page.getByText('"keyType": "ecdsa-p384"')).toBeVisible();
    const id = await w.create();
    const key: unknown = await (await api.get(`/v1/kms/nl-01/keys/${id}`)).json();
    expect(key).toMatchObject({
      name,
      keyType: 'ecdsa-p384',
      description: 'kept after the conflict',
      labels: { team: 'payments' },
      rotationPeriodInDays: 30,
    });
  });

  test('a 400 about the material lands on the Key material step', async ({ page, api }) => {
    const res = await api.get('/v1/kms/nl-01/wrapping-key');
    const wrapping = wrappingKeyResponseSchema.parse(await res.json());
    const aesKey = randomBytes(32);
    const rsaPart = publicEncrypt(
      { key: wrapping.publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      aesKey,
    );
    const kwp = createCipheriv('id-aes256-wrap-pad', aesKey, Buffer.from('A65959A6', 'hex'));
    // 16 bytes: not a valid AES-256 key, so the server refuses what it unwraps.
    const wrapped = Buffer.concat([rsaPart, kwp.update(randomBytes(16)), kwp.final()]).toString(
      'base64',
    );

    const w = wizard(page);
    await signIn(page);
    await w.open();
    await w.chooseOrigin('imported');
    await w.next('Details');
    await w.name().fill(uniqueName('bad material'));
    await w.next('Rotation');
    await w.next('Export');
    await w.next('Key material');
    await page.getByLabel(/^Wrapped key material/).fill(wrapped);
    await w.next('Review and create');
    await w.createButton().click();
    await expect(w.heading('Key material')).toBeVisible();
    await expect(page.getByLabel(/^Wrapped key material/)).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(/must be exactly 32 raw bytes/)).toBeVisible();
    await expect(page.getByLabel(/^Wrapped key material/)).toHaveValue(wrapped);
  });

  test('503: the region cannot hold keys now; the user can choose another', async ({ page }) => {
    const w = wizard(page);
    await signIn(page);
    await w.open('de-01');
    // Said up front, before anything is typed.
    await expect(
      page.getByRole('status').filter({ hasText: 'KMS is not available in Germany 01' }),
    ).toBeVisible();
    await w.next('Details');
    await w.name().fill(uniqueName('unavailable region'));
    await w.toReviewFromDetails();
    // Known unavailable: Create is disabled with the reason, nothing is sent.
    await expect(w.createButton()).toBeDisabled();
    await expect(w.createButton()).toHaveAccessibleDescription(
      'Keys cannot be created here: see the notice above.',
    );
    // The way forward: another region, with everything typed kept.
    await w.back();
    await w.back();
    await w.back();
    await expect(w.heading('Details')).toBeVisible();
    await page.getByLabel('Region', { exact: true }).selectOption('nl-02');
    await expect(page).toHaveURL(/\/regions\/nl-02\/keys\/new/);
    await w.toReviewFromDetails();
    await w.create('nl-02');
  });

  test('403: KMS is off for the organisation', async ({ page }) => {
    const w = wizard(page);
    await signIn(page, { org: 'org-nokms' });
    await w.open();
    await expect(
      page.getByRole('status').filter({ hasText: 'KMS is not enabled for organisation org-nokms' }),
    ).toBeVisible();
    await w.next('Details');
    await w.name().fill('never created');
    await w.toReviewFromDetails();
    // Known from the summary: Create is disabled with the reason, so no request can fail.
    await expect(w.createButton()).toBeDisabled();
    await expect(w.createButton()).toHaveAccessibleDescription(
      'Keys cannot be created here: see the notice above.',
    );
    await expect(
      page.getByRole('status').filter({ hasText: 'KMS is not enabled for organisation org-nokms' }),
    ).toBeVisible();
  });

  test('a network failure offers retry without losing anything', async ({ page, api }) => {
    const w = wizard(page);
    await signIn(page);
    await w.open();
    await w.next('Details');
    const name = uniqueName('offline');
    await w.name().fill(name);
    await w.toReviewFromDetails();
    await page.route('**/v1/kms/nl-01/keys', (route) =>
      route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.fallback(),
    );
    await w.createButton().click();
    const error = page.getByRole('alert').filter({ hasText: 'the KMS API could not be reached' });
    await expect(error).toBeVisible();
    await expect(w.heading('Review and create')).toBeVisible();
    await page.unroute('**/v1/kms/nl-01/keys');
    await error.getByRole('button', { name: 'Try again' }).click();
    const id = await w.waitForKeyPage();
    const key: unknown = await (await api.get(`/v1/kms/nl-01/keys/${id}`)).json();
    expect(key).toMatchObject({ name });
  });
});
