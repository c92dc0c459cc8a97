import { createKey, expect, signIn, test, uniqueName } from './fixtures';

/** The confirmation dialogs and the Ed25519 public key, light/dark, 1440 and 390 px. SCREENSHOTS=1. */
test.skip(!process.env.SCREENSHOTS, 'screenshots only with SCREENSHOTS=1');
test.setTimeout(300_000);

const REGION = 'nl-01';

for (const scheme of ['light', 'dark'] as const) {
  for (const width of [1440, 390] as const) {
    test(`dangerous flows (${scheme}, ${width} px)`, async ({ page, api }) => {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      const shot = (name: string) =>
        page.screenshot({ path: `screenshots/dangerous-${name}-${scheme}-${width}.png` });
      const key = await createKey(api, REGION, {
        name: uniqueName(`Escrow key ${scheme}`),
        keyType: 'ed25519',
        exportAllowed: true,
      });
      await signIn(page);
      await page.goto(`/regions/${REGION}/keys/${key.identity}`);
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      await page.getByRole('dialog').getByRole('checkbox').check();
      await page
        .getByRole('dialog')
        .getByLabel(/to confirm/)
        .fill(`${REGION}/`);
      await shot('export');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Schedule deletion', exact: true }).click();
      await page
        .getByRole('dialog')
        .getByLabel(/to confirm/)
        .fill(`${REGION}/${key.slug}`);
      await page.getByRole('dialog').getByRole('button', { name: 'Schedule deletion' }).click();
      await expect(page.getByText(/Scheduled for deletion/).first()).toBeVisible();
      await page.getByRole('button', { name: 'Cancel deletion', exact: true }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await shot('cancel-deletion');
      await page.keyboard.press('Escape');

      await page.goto(`/regions/${REGION}/keys/${key.identity}/public-key`);
      await expect(page.getByTestId('public-key-fingerprint')).toContainText(':');
      await page.screenshot({
        path: `screenshots/dangerous-public-key-ed25519-${scheme}-${width}.png`,
        fullPage: true,
      });
    });
  }
}
