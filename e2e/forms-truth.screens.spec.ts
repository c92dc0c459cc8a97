import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createKey, expect, signIn, test, uniqueName } from './fixtures';

const OUT = path.resolve('screenshots');

test.skip(!process.env.SCREENSHOTS, 'screenshots only with SCREENSHOTS=1');
test.setTimeout(120_000);

/** Light and dark, at 1440 and 390 px wide. */
async function shot(page: Page, name: string) {
  mkdirSync(OUT, { recursive: true });
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      await page.screenshot({ path: path.join(OUT, `forms-${name}-${width}-${colorScheme}.png`) });
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('scope block, rotation period field, unknown tab notice', async ({ page, api }) => {
  await signIn(page);
  await page.goto('/regions/nl-01/keys/new');
  await page.getByRole('button', { name: /Next/ }).click();
  await page.getByLabel(/^Name/).fill(uniqueName('screens'));
  await page.getByRole('radio', { name: 'Project' }).click();
  await page.getByLabel('Project identity').fill('proj-web');
  await page.getByRole('button', { name: /Next/ }).click();
  const error = page.getByText(/Press Use project/);
  await expect(error).toBeVisible();
  await error.scrollIntoViewIfNeeded();
  await shot(page, 'details-scope');

  await page.getByRole('radio', { name: /Organisation/ }).click();
  await page.getByRole('button', { name: /Next/ }).click();
  await page.getByRole('switch', { name: 'Rotate automatically' }).click();
  await page.getByLabel('Rotation period (days)').fill('1e2');
  await page.getByRole('button', { name: /Next/ }).click();
  await expect(page.getByText('Rotation period must be a whole number of days')).toBeVisible();
  await shot(page, 'wizard-rotation');

  const key = await createKey(api, 'nl-01', { name: uniqueName('tab'), keyType: 'aes256-gcm96' });
  await page.goto(`/regions/nl-01/keys/${key.identity}/rotation`);
  await page.getByRole('switch', { name: 'Rotate automatically' }).click();
  await page.getByRole('button', { name: '90 days' }).click();
  await shot(page, 'rotation-tab');

  await page.goto(`/regions/nl-01/keys/${key.identity}/bogus-tab`);
  await expect(page.getByText(/no “bogus-tab” tab/)).toBeVisible();
  await shot(page, 'bad-tab');
});
