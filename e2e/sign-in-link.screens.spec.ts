import type { Page } from '@playwright/test';
import { E2E_ORG, E2E_TOKEN, expect, issueSignInCode, signIn, signInLink, test } from './fixtures';

/** Screenshots of the sign-in link states: refused, legacy, switch dialog; light and dark, two widths. */
test.skip(!process.env.SCREENSHOTS, 'screenshots only with SCREENSHOTS=1');
test.setTimeout(180_000);

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `screenshots/sign-in-link-${name}.png`, fullPage: true });
}

for (const scheme of ['light', 'dark'] as const) {
  for (const width of [1440, 390]) {
    test(`sign-in link states (${scheme}, ${width} px)`, async ({ page }) => {
      await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      const tag = `${scheme}-${width}`;

      const used = await issueSignInCode(page.request);
      await page.goto(signInLink(used.code));
      await expect(page.getByRole('banner')).toBeVisible();
      await page.evaluate(() => sessionStorage.clear());
      await page.goto(signInLink(used.code));
      await expect(page.getByRole('alert')).toContainText('already used');
      await shot(page, `refused-${tag}`);

      await page.goto(`/#${new URLSearchParams({ token: E2E_TOKEN, org: E2E_ORG })}`);
      await expect(page.getByRole('status').filter({ hasText: 'no longer carry' })).toBeVisible();
      await shot(page, `legacy-${tag}`);

      await signIn(page);
      const other = await issueSignInCode(page.request, { organisation: 'org-nokms' });
      await page.goto(signInLink(other.code));
      await expect(page.getByRole('dialog', { name: 'Switch to another session?' })).toBeVisible();
      await shot(page, `switch-${tag}`);
    });
  }
}
