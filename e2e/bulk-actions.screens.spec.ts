import type { Page } from '@playwright/test';
import { injectFault } from './faults-support';
import { expect, signIn, test, uniqueName } from './fixtures';

/**
 * Screenshots of the key list's row menu, selection bar and bulk dialog (review, results with a
 * failure), light and dark, at 1440 and 390 px wide. Run with SCREENSHOTS=1; they land in
 * screenshots/ (gitignored).
 */
test.skip(!process.env.SCREENSHOTS, 'screenshots only with SCREENSHOTS=1');
test.setTimeout(180_000);

const DIR = 'screenshots';
const REGION = 'nl-01';
const SIZES = [
  { label: 'wide', width: 1440, height: 900 },
  { label: 'phone', width: 390, height: 844 },
] as const;

async function shot(page: Page, name: string) {
  await page.waitForTimeout(250);
  await page.screenshot({ path: `${DIR}/${name}.png` });
}

for (const size of SIZES) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`bulk actions ${size.label} ${scheme}`, async ({ page, api }) => {
      const prefix = uniqueName(`fleet-${size.label}-${scheme}`);
      const seeded = await api.post('/_emulator/seed-keys', {
        data: { region: REGION, count: 12, namePrefix: prefix },
      });
      expect(seeded.status()).toBe(200);
      const list = (await (await api.get(`/v1/kms/${REGION}/keys`)).json()) as {
        identity: string;
        name: string;
      }[];
      const mine = list.filter((k) => k.name.startsWith(prefix));
      await api.post(`/v1/kms/${REGION}/keys/${mine[1]!.identity}/disable`);
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await signIn(page);
      await page.goto(`/regions/${REGION}/keys?q=${encodeURIComponent(prefix)}`);
      const name = `${prefix}-00003`;
      await page.getByRole('button', { name: `Actions for ${name}` }).click({ timeout: 30_000 });
      await expect(page.getByRole('menu')).toBeVisible();
      await shot(page, `fleet-row-menu-${size.label}-${scheme}`);
      await page.keyboard.press('Escape');

      await page.getByRole('checkbox', { name: `Select ${prefix}-00001` }).click();
      await page
        .getByRole('checkbox', { name: `Select ${prefix}-00005` })
        .click({ modifiers: ['Shift'] });
      await shot(page, `fleet-selection-${size.label}-${scheme}`);

      const fault = await injectFault(
        page,
        { method: 'POST', path: `/v1/kms/${REGION}/keys/${mine[3]!.identity}/disable` },
        '500',
      );
      const bar = page.getByRole('toolbar', { name: 'Selected keys' });
      await bar.getByRole('button', { name: 'Actions' }).click();
      await page.getByRole('menuitem', { name: /Disable/ }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await shot(page, `fleet-bulk-review-${size.label}-${scheme}`);
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /^Disable \d+ keys$/ })
        .click();
      await expect(page.getByRole('dialog').getByRole('region', { name: 'Failed' })).toBeVisible();
      await shot(page, `fleet-bulk-result-${size.label}-${scheme}`);
      await fault.remove();
    });
  }
}
