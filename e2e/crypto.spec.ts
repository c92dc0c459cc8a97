import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import type { KeyType } from '../src/contract';
import { audit } from './axe-audit';
import { expect, signIn, test } from './fixtures';
import { createKeys, kmsVerdict, openTool, REGION } from './crypto-helpers';

/**
 * The crypto tab against the emulator: every key type round-trips through its operations, old
 * ciphertext survives rotation, and over-limit input never leaves the browser.
 */

test('symmetric and RSA keys encrypt and decrypt text and files', async ({ page, api }) => {
  test.setTimeout(60_000);
  const keys = await createKeys(api, [
    'aes128-gcm96',
    'aes256-gcm96',
    'chacha20-poly1305',
    'rsa-2048',
    'rsa-3072',
    'rsa-4096',
  ]);
  await signIn(page);
  for (const key of keys) {
    await test.step(key.keyType, async () => {
      const secret = `secret for ${key.keyType} ✓`;
      await openTool(page, key.identity, 'encrypt', 'Encrypt');
      await page.getByLabel('Plaintext', { exact: true }).fill(secret);
      await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
      const ciphertext = page.getByLabel('Ciphertext', { exact: true });
      await expect(ciphertext).toHaveValue(/^thalassa:v1:/);
      expect(page.url()).not.toContain('thalassa');

      await page.getByRole('button', { name: 'Decrypt this ciphertext' }).click();
      await expect(page).toHaveURL(/op=decrypt/);
      await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
      await expect(page.getByLabel('Plaintext', { exact: true })).toHaveValue(secret);
    });
  }

  await test.step('a binary file decrypts to hex', async () => {
    const key = keys[0];
    if (!key) throw new Error('no key');
    await openTool(page, key.identity, 'encrypt', 'Encrypt');
    await page.getByLabel('Plaintext', { exact: true }).fill('Hi');
    // The format choice is a radio group: arrow keys move through it.
    await page.getByRole('radio', { name: 'Text (UTF-8)' }).focus();
    // Held like a person does: Radix moves focus (and the choice) just after keydown.
    await page.keyboard.down('ArrowRight');
    await expect(page.getByRole('radio', { name: 'Base64' })).toBeChecked();
    await page.keyboard.up('ArrowRight');
    await expect(page.getByLabel('Plaintext', { exact: true })).toHaveValue('SGk=');
    await page.getByRole('radio', { name: 'File' }).click();
    await page.getByLabel('Plaintext file').setInputFiles({
      name: 'blob.bin',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0xff]),
    });
    await expect(page.getByText('blob.bin')).toBeVisible();
    await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
    await page.getByRole('button', { name: 'Decrypt this ciphertext' }).click();
    await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
    await expect(page.getByLabel('Plaintext', { exact: true })).toHaveValue('deadbeef00ff');
    await expect(page.getByRole('radio', { name: 'Text' })).toBeDisabled();
  });
});

/** Whether this browser's WebCrypto can make keys of the type (feature detection, as a user's). */
function browserHas(page: Page, keyType: KeyType): Promise<boolean> {
  return page.evaluate(async (type) => {
    const algorithm =
      type === 'ed25519'
        ? { name: 'Ed25519' }
        : type === 'ecdsa-p521'
          ? { name: 'ECDSA', namedCurve: 'P-521' }
          : null;
    if (!algorithm) return true;
    try {
      await crypto.subtle.generateKey(algorithm, false, ['sign', 'verify']);
      return true;
    } catch {
      return false;
    }
  }, keyType);
}

const SIGNING_GROUPS = [
  ['rsa-2048', 'rsa-3072', 'rsa-4096'],
  ['ecdsa-p256', 'ecdsa-p384', 'ecdsa-p521', 'ed25519'],
] as const;

for (const group of SIGNING_GROUPS) {
  test(`${group.join(', ')} keys sign, and the KMS and the browser verify`, async ({
    page,
    api,
  }) => {
    test.setTimeout(60_000);
    const keys = await createKeys(api, group);
    await signIn(page);
    for (const key of keys) {
      await test.step(key.keyType, async () => {
        await openTool(page, key.identity, 'sign', 'Sign');
        await page.getByLabel('Message', { exact: true }).fill(`signed by ${key.keyType}`);
        if (key.keyType === 'rsa-3072' || key.keyType === 'ecdsa-p384') {
          await page.getByLabel('Hash algorithm').selectOption('sha2-384');
        }
        await page.getByRole('button', { name: 'Sign', exact: true }).click();
        await expect(page.getByLabel('Signature', { exact: true })).toHaveValue(/^thalassa:v1:/);
        await page.getByRole('button', { name: 'Verify this signature' }).click();
        await expect(page).toHaveURL(/op=verify/);
        await page.getByRole('button', { name: 'Verify signature' }).click();
        const status = page.getByRole('status');
        await expect(status).toContainText('KMSValid signature');
        // WebCrypto has RSA-PSS, P-256 and P-384 everywhere; P-521 and Ed25519 depend on the
        // browser, so ask this one what it has and expect the panel to agree.
        const hasAlgorithm = await browserHas(page, key.keyType);
        await expect(status).toContainText(
          hasAlgorithm
            ? 'Browser check (WebCrypto)Valid signature'
            : 'Browser check (WebCrypto)Not checked in this browser',
        );

        await page.getByLabel('Message', { exact: true }).fill(`tampered ${key.keyType}`);
        await expect(status).toHaveText('');
        await page.getByRole('button', { name: 'Verify signature' }).click();
        await expect(status).toContainText('KMSNot valid: the signature does not match');
        if (hasAlgorithm) {
          await expect(status).toContainText('Browser check (WebCrypto)Not valid');
        }
      });
    }
  });
}

test('a prehashed ECDSA digest signs and verifies; the browser says it cannot check it', async ({
  page,
  api,
}) => {
  const [key] = await createKeys(api, ['ecdsa-p256']);
  if (!key) throw new Error('no key');
  await signIn(page);
  await openTool(page, key.identity, 'sign', 'Sign');
  const digest = createHash('sha256').update('the real message').digest('base64');
  await page.getByRole('checkbox', { name: /prehashed/ }).check();
  await page.getByRole('radio', { name: 'Base64' }).click();
  await page.getByLabel('Digest', { exact: true }).fill(digest.slice(0, 20));
  await expect(page.getByRole('button', { name: 'Sign', exact: true })).toBeDisabled();
  await page.getByLabel('Digest', { exact: true }).fill(digest);
  await page.getByRole('button', { name: 'Sign', exact: true }).click();
  await page.getByRole('button', { name: 'Verify this signature' }).click();
  await expect(page.getByRole('checkbox', { name: /prehashed/ })).toBeChecked();
  await page.getByRole('button', { name: 'Verify signature' }).click();
  const status = page.getByRole('status');
  await expect(status).toContainText('KMSValid signature');
  await expect(status).toContainText('Not checked in this browser');
});

test('HMAC keys compute and verify HMACs', async ({ page, api }) => {
  const keys = await createKeys(api, ['hmac', 'hmac-sha256', 'hmac-sha512']);
  await signIn(page);
  for (const key of keys) {
    await test.step(key.keyType, async () => {
      await openTool(page, key.identity, 'hmac', 'HMAC');
      await page.getByLabel('Message', { exact: true }).fill(`mac me ${key.keyType}`);
      await page.getByRole('button', { name: 'Compute HMAC' }).click();
      await expect(page.getByLabel('HMAC', { exact: true })).toHaveValue(/^thalassa:v1:/);
      await page.getByRole('button', { name: 'Verify this HMAC' }).click();
      await expect(page).toHaveURL(/op=verify-hmac/);
      await page.getByRole('button', { name: 'Verify HMAC' }).click();
      await expect(kmsVerdict(page)).toContainText('Valid HMAC');
      await page.getByLabel('Message', { exact: true }).fill('something else');
      await page.getByRole('button', { name: 'Verify HMAC' }).click();
      await expect(kmsVerdict(page)).toContainText('Not valid: the HMAC does not match');
    });
  }
});

test('a ciphertext made before a rotation still decrypts after it', async ({ page, api }) => {
  const [key] = await createKeys(api, ['aes256-gcm96'], 'rotation');
  if (!key) throw new Error('no key');
  await signIn(page);
  await openTool(page, key.identity, 'encrypt', 'Encrypt');
  await page.getByLabel('Plaintext', { exact: true }).fill('written before rotation');
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
  const ciphertext = await page.getByLabel('Ciphertext', { exact: true }).inputValue();
  expect(ciphertext).toMatch(/^thalassa:v1:/);

  const rotated = await api.post(`/v1/kms/${REGION}/keys/${key.identity}/rotate`);
  expect(rotated.status()).toBe(200);

  await openTool(page, key.identity, 'inspect', 'Inspect');
  await page.getByLabel('Ciphertext to inspect').fill(ciphertext);
  await expect(
    page.getByText('Made by version 1, an older version (latest is 2): it can be decrypted.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
  await expect(page.getByLabel('Plaintext', { exact: true })).toHaveValue(
    'written before rotation',
  );

  // New encryptions use version 2 by default.
  await openTool(page, key.identity, 'encrypt', 'Encrypt');
  await page.getByLabel('Plaintext', { exact: true }).fill('after');
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
  await expect(page.getByLabel('Ciphertext', { exact: true })).toHaveValue(/^thalassa:v2:/);
});

test('an over-limit RSA input is stopped before anything is sent', async ({ page, api }) => {
  const [key] = await createKeys(api, ['rsa-2048'], 'limit');
  if (!key) throw new Error('no key');
  const encryptRequests: string[] = [];
  page.on('request', (req) => {
    if (req.url().endsWith('/encrypt')) encryptRequests.push(req.url());
  });
  await signIn(page);
  await openTool(page, key.identity, 'encrypt', 'Encrypt');
  await page.getByLabel('Plaintext', { exact: true }).fill('x'.repeat(191));
  const button = page.getByRole('button', { name: 'Encrypt', exact: true });
  await expect(button).toBeDisabled();
  await expect(
    page.getByText('Input is 191 bytes: RSA 2048 (RSA-OAEP SHA-256) encrypts at most 190 bytes.'),
  ).toBeVisible();
  await button.click({ force: true });
  await page.getByLabel('Plaintext', { exact: true }).press('Control+Enter');
  expect(encryptRequests).toEqual([]);

  // One byte less goes through: the listener does see encrypt requests.
  await page.getByLabel('Plaintext', { exact: true }).fill('x'.repeat(190));
  await button.click();
  await expect(page.getByLabel('Ciphertext', { exact: true })).toHaveValue(/^thalassa:v1:/);
  expect(encryptRequests).toHaveLength(1);
});

test('a disabled key shows its tools disabled, with the reason', async ({ page, api }) => {
  const [key] = await createKeys(api, ['aes256-gcm96'], 'disabled');
  if (!key) throw new Error('no key');
  const res = await api.post(`/v1/kms/${REGION}/keys/${key.identity}/disable`);
  expect(res.status()).toBe(200);
  await signIn(page);
  await openTool(page, key.identity, 'encrypt', 'Encrypt');
  await expect(page.getByText('Crypto is unavailable for this key.')).toBeVisible();
  await expect(page.getByLabel('Plaintext', { exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Encrypt', exact: true })).toBeDisabled();
});

test('the crypto tools pass an accessibility scan, with results shown', async ({ page, api }) => {
  test.setTimeout(90_000); // every axe rule in both themes, after a sign and a verify
  const [key] = await createKeys(api, ['ecdsa-p256'], 'a11y');
  if (!key) throw new Error('no key');
  await signIn(page);
  await openTool(page, key.identity, 'sign', 'Sign');
  await page.getByLabel('Message', { exact: true }).fill('check me');
  await page.getByRole('button', { name: 'Sign', exact: true }).click();
  await page.getByRole('button', { name: 'Verify this signature' }).click();
  await page.getByRole('button', { name: 'Verify signature' }).click();
  await expect(page.getByRole('status')).toContainText('KMSValid signature');
  await audit(page, 'crypto tools', {
    include: '[data-crypto-panel]',
    rules: 'all',
    failOn: 'any',
  });
});

test('leaving the crypto tab clears inputs and results, and the URL never holds them', async ({
  page,
  api,
}) => {
  const [key] = await createKeys(api, ['aes128-gcm96'], 'leave');
  if (!key) throw new Error('no key');
  await signIn(page);
  await openTool(page, key.identity, 'encrypt', 'Encrypt');
  await page.getByLabel('Plaintext', { exact: true }).fill('do not keep me');
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
  await expect(page.getByLabel('Ciphertext', { exact: true })).toHaveValue(/^thalassa:v1:/);
  expect(page.url()).toMatch(/\/crypto\?op=encrypt$/);

  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Encrypt' })).toBeHidden();
  await page.getByRole('tab', { name: 'Crypto' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Encrypt' })).toBeVisible();
  await expect(page.getByLabel('Plaintext', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Ciphertext', { exact: true })).toHaveCount(0);
  const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));
  expect(stored).not.toContain('do not keep me');
});
