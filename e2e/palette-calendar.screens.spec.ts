import type { Page } from '@playwright/test';
import { createKey, expect, signIn, test, uniqueName } from './fixtures';

/**
 * Screenshots of the command palette (results across regions and a project, and its commands),
 * the key-not-found page's finding and the calendar, light and dark, 1440 and 390 px wide. Run
 * with SCREENSHOTS=1; they land in screenshots/ (gitignored).
 */
test.skip(!process.env.SCREENSHOTS, 'screenshots only with SCREENSHOTS=1');
test.describe.configure({ mode: 'serial' });
test.setTimeout(300_000);

const DIR = 'screenshots';
const PROJECT = 'proj-web';

async function shot(page: Page, name: string, fullPage = true) {
  await page.waitForTimeout(250);
  await page.screenshot({ path: `${DIR}/find-${name}.png`, fullPage });
}

test('palette, not found and calendar', async ({ page, api }) => {
  const tag = uniqueName('s').slice(-4);
  const billing = { team: 'billing', env: 'production' };
  await createKey(api, 'nl-01', {
    name: `Billing envelope ${tag}`,
    keyType: 'aes256-gcm96',
    labels: billing,
  });
  await createKey(api, 'nl-02', {
    name: `Billing archive ${tag}`,
    keyType: 'aes128-gcm96',
    keyRotationEnabled: true,
    rotationPeriodInDays: 2,
  });
  const projectKey = await createKey(
    api,
    'nl-01',
    { name: `Billing webhooks ${tag}`, keyType: 'hmac-sha256', labels: billing },
    { project: PROJECT },
  );
  await createKey(api, 'nl-01', {
    name: `Session tokens ${tag}`,
    keyType: 'chacha20-poly1305',
    keyRotationEnabled: true,
    rotationPeriodInDays: 1,
  });
  await createKey(api, 'nl-02', {
    name: `Release signing ${tag}`,
    keyType: 'ecdsa-p256',
    keyRotationEnabled: true,
    rotationPeriodInDays: 5,
  });
  const doomed = await createKey(api, 'nl-02', {
    name: `Legacy backups ${tag}`,
    keyType: 'aes256-gcm96',
  });
  expect((await api.delete(`/v1/kms/nl-02/keys/${doomed.identity}`)).status()).toBe(200);

  await signIn(page, { project: PROJECT });
  await expect(page.getByRole('heading', { level: 1, name: 'Regions' })).toBeVisible();

  for (const width of [1440, 390]) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      const t = `${width}-${scheme}`;

      await page.goto('/regions/nl-01/keys');
      await expect(page.getByRole('heading', { level: 1, name: 'Keys' })).toBeVisible();
      await shot(page, `header-${t}`, false);
      await page.getByRole('button', { name: 'Search keys and commands' }).click();
      const palette = page.getByRole('dialog', { name: 'Search keys and commands' });
      await expect(palette.getByRole('option').first()).toBeVisible();
      await shot(page, `palette-empty-${t}`, false);
      await palette.getByRole('combobox').fill(`billing ${tag}`);
      await expect(palette.getByRole('group')).toHaveCount(3);
      await shot(page, `palette-results-${t}`, false);
      await page.keyboard.press('Escape');

      await page.goto(`/regions/nl-01/keys/${projectKey.identity}`);
      await expect(page.getByRole('link', { name: /Found in project/ })).toBeVisible();
      await shot(page, `not-found-${t}`);

      await page.goto('/calendar?range=30');
      await expect(page.getByRole('region', { name: /^Tomorrow/ })).toBeVisible();
      await shot(page, `calendar-${t}`);
    }
  }
});
