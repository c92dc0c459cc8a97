import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';
import { createKeys, openTool, REGION } from './crypto-helpers';

/** Screenshots of every crypto tool, light and dark. Run with SCREENSHOTS=1. */
test.skip(!process.env.SCREENSHOTS, 'screenshots only with SCREENSHOTS=1');
test.setTimeout(180_000);

async function shot(page: Page, name: string) {
  // Full-page shots of a scrolled page would paint the sticky header mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(200);
  await page.screenshot({ path: `screenshots/crypto-${name}.png`, fullPage: true });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`crypto tools (${scheme})`, async ({ page, api }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    const [aes, rsa, ec, hmac, disabled, ed, p521] = await createKeys(
      api,
      ['aes256-gcm96', 'rsa-2048', 'ecdsa-p256', 'hmac-sha256', 'ed25519', 'ed25519', 'ecdsa-p521'],
      `screens ${scheme}`,
    );
    if (!aes || !rsa || !ec || !hmac || !disabled || !ed || !p521) throw new Error('keys missing');
    await api.post(`/v1/kms/${REGION}/keys/${aes.identity}/rotate`);
    await api.post(`/v1/kms/${REGION}/keys/${disabled.identity}/disable`);
    await signIn(page);

    // Encrypt (AES) with its output, then decrypt.
    await openTool(page, aes.identity, 'encrypt', 'Encrypt');
    await shot(page, `encrypt-empty-${scheme}`);
    await page.getByLabel('Plaintext', { exact: true }).fill('Card 4111 1111 1111 1111, exp 12/29');
    await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
    await expect(page.getByLabel('Ciphertext', { exact: true })).toHaveValue(/^thalassa:v2:/);
    await shot(page, `encrypt-${scheme}`);
    await page.getByRole('button', { name: 'Decrypt this ciphertext' }).click();
    await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
    await expect(page.getByLabel('Plaintext', { exact: true })).toBeVisible();
    await shot(page, `decrypt-${scheme}`);

    // Binary data via a file: hex output.
    await openTool(page, aes.identity, 'encrypt', 'Encrypt');
    await page.getByRole('radio', { name: 'File' }).click();
    await shot(page, `encrypt-file-empty-${scheme}`);
    await page.getByLabel('Plaintext file').setInputFiles({
      name: 'session-key.bin',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(Array.from({ length: 48 }, (_, i) => (i * 37) % 256)),
    });
    await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
    await page.getByRole('button', { name: 'Decrypt this ciphertext' }).click();
    await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
    await expect(page.getByRole('radio', { name: 'Text' })).toBeDisabled();
    await shot(page, `decrypt-binary-${scheme}`);

    // RSA over the limit: stopped before sending.
    await openTool(page, rsa.identity, 'encrypt', 'Encrypt');
    await page.getByLabel('Plaintext', { exact: true }).fill('x'.repeat(240));
    await shot(page, `encrypt-over-limit-${scheme}`);

    // Inspector: a version-1 ciphertext after rotation.
    const old = await api.post(`/v1/kms/${REGION}/keys/${aes.identity}/encrypt`, {
      data: { plaintext: 'b2xkIGRhdGE=', keyVersion: '1' },
    });
    const { ciphertext } = (await old.json()) as { ciphertext: string };
    await openTool(page, aes.identity, 'inspect', 'Inspect');
    await page.getByLabel('Ciphertext to inspect').fill(ciphertext);
    await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
    await expect(page.getByLabel('Plaintext', { exact: true })).toHaveValue('old data');
    await shot(page, `inspect-${scheme}`);
    await page.getByLabel('Ciphertext to inspect').fill('thalassa:v9:AAAA');
    await shot(page, `inspect-unknown-${scheme}`);

    // Sign and verify (ECDSA), valid then not valid.
    await openTool(page, ec.identity, 'sign', 'Sign');
    await page.getByLabel('Message', { exact: true }).fill('release v1.4.2 sha256:9f2c…');
    await page.getByRole('button', { name: 'Sign', exact: true }).click();
    await expect(page.getByLabel('Signature', { exact: true })).toBeVisible();
    await shot(page, `sign-${scheme}`);
    await page.getByRole('button', { name: 'Verify this signature' }).click();
    await page.getByRole('button', { name: 'Verify signature' }).click();
    await expect(page.getByRole('status')).toContainText('KMSValid signature');
    await shot(page, `verify-valid-${scheme}`);
    await page.getByLabel('Message', { exact: true }).fill('release v1.4.3');
    await page.getByRole('button', { name: 'Verify signature' }).click();
    await expect(page.getByRole('status')).toContainText('Not valid');
    await shot(page, `verify-invalid-${scheme}`);

    // HMAC and verify-HMAC.
    await openTool(page, hmac.identity, 'hmac', 'HMAC');
    await page.getByLabel('Message', { exact: true }).fill('{"order":1234,"amount":"19.99"}');
    await page.getByRole('button', { name: 'Compute HMAC' }).click();
    await expect(page.getByLabel('HMAC', { exact: true })).toBeVisible();
    await shot(page, `hmac-${scheme}`);
    await page.getByRole('button', { name: 'Verify this HMAC' }).click();
    await page.getByRole('button', { name: 'Verify HMAC' }).click();
    await expect(page.getByRole('status')).toContainText('Valid HMAC');
    await shot(page, `verify-hmac-${scheme}`);

    // Ed25519 and P-521: the browser check depends on this browser's WebCrypto.
    for (const [key, name] of [
      [ed, 'ed25519'],
      [p521, 'p521'],
    ] as const) {
      await openTool(page, key.identity, 'sign', 'Sign');
      await page.getByLabel('Message', { exact: true }).fill(`hello from ${name}`);
      await page.getByRole('button', { name: 'Sign', exact: true }).click();
      await page.getByRole('button', { name: 'Verify this signature' }).click();
      await page.getByRole('button', { name: 'Verify signature' }).click();
      await expect(page.getByRole('status')).toContainText('KMSValid signature');
      await expect(page.getByRole('status')).toContainText(
        /Browser check \(WebCrypto\)(Valid|Not)/,
      );
      await shot(page, `verify-${name}-${scheme}`);
    }

    // A disabled Ed25519 key.
    await openTool(page, disabled.identity, 'sign', 'Sign');
    await shot(page, `disabled-${scheme}`);
  });
}
