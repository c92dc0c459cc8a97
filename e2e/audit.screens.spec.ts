import type { Page } from '@playwright/test';
import { createKey, expect, signIn, test, uniqueName } from './fixtures';
import { eventRows, FORGED_CIPHERTEXT, keyOp } from './audit-support';

/**
 * Screenshots of the Audit page (full, filtered with a failure, export dialog) and a key's
 * Activity tab, light and dark, 1440 and 390 px wide. Run with SCREENSHOTS=1; they land in
 * screenshots/ (gitignored).
 */
test.skip(!process.env.SCREENSHOTS, 'screenshots only with SCREENSHOTS=1');
test.describe.configure({ mode: 'serial' });
test.setTimeout(300_000);

const DIR = 'screenshots';
const REGION = 'nl-01';

async function shot(page: Page, name: string) {
  await page.waitForTimeout(250);
  await page.screenshot({ path: `${DIR}/audit-${name}.png`, fullPage: true });
}

test('audit log and activity tab', async ({ page, api }) => {
  const names = ['Payments envelope', 'Release signing', 'Webhook HMAC'];
  const types = ['aes256-gcm96', 'ed25519', 'hmac-sha256'] as const;
  const keys = [];
  for (const [i, name] of names.entries()) {
    keys.push(
      await createKey(api, REGION, {
        name: `${name} ${uniqueName('s').slice(-4)}`,
        keyType: types[i]!,
      }),
    );
  }
  const seeded = await api.post('/_emulator/seed-audit', {
    data: { count: 400, keyIdentities: keys.map((k) => k.identity), spanHours: 72 },
  });
  expect(seeded.ok()).toBe(true);
  const payments = keys[0]!;
  await keyOp(api, REGION, payments.identity, 'encrypt', { plaintext: 'aGVsbG8=' });
  await keyOp(api, REGION, payments.identity, 'rotate');
  await keyOp(api, REGION, payments.identity, 'encrypt', { plaintext: 'aGVsbG8=' });
  await keyOp(api, REGION, payments.identity, 'decrypt', { ciphertext: FORGED_CIPHERTEXT }, 400);
  await signIn(page);

  for (const width of [1440, 390]) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      const tag = `${width}-${scheme}`;

      await page.goto('/audit');
      await expect(eventRows(page).first()).toBeVisible();
      await shot(page, `log-${tag}`);

      await page.goto(`/audit?outcome=failure&action=crypto&key=${payments.identity}`);
      await expect(eventRows(page).first()).toContainText('Failed');
      await shot(page, `failures-${tag}`);

      await page.getByRole('button', { name: 'Export' }).click();
      await expect(page.getByRole('dialog', { name: 'Export events' })).toBeVisible();
      await shot(page, `export-${tag}`);
      await page.keyboard.press('Escape');

      await page.goto('/audit?outcome=maybe&key=no-such-key-anywhere');
      await expect(page.getByRole('heading', { name: 'No events match' })).toBeVisible();
      await shot(page, `no-match-${tag}`);

      await page.goto(`/regions/${REGION}/keys/${payments.identity}/activity`);
      await expect(page.getByRole('table', { name: 'Last use per version' })).toBeVisible();
      await expect(eventRows(page, `Events of ${payments.name}`).first()).toBeVisible();
      await shot(page, `activity-${tag}`);

      await page.goto(`/regions/${REGION}/keys/${payments.identity}`);
      await expect(page.getByRole('link', { name: /All activity/ })).toBeVisible();
      await shot(page, `overview-${tag}`);
    }
  }
});
