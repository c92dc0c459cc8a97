import type { Page } from '@playwright/test';
import { createKey, expect, signIn, test, uniqueName } from './fixtures';
import { injectFault } from './faults-support';

/** Screenshots of the fault states (errors in place, refresh notices), light and dark. */
test.skip(!process.env.SCREENSHOTS, 'screenshots only with SCREENSHOTS=1');
test.setTimeout(180_000);

const REGION = 'nl-01';

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `screenshots/faults-${name}.png`, fullPage: true });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`fault states (${scheme})`, async ({ page, api }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    const prefix = uniqueName(`Faults ${scheme}`);
    const key = await createKey(api, REGION, {
      name: `${prefix} key`,
      keyType: 'aes256-gcm96',
      exportAllowed: true,
    });
    const keyPath = `/v1/kms/${REGION}/keys/${key.identity}`;
    await page.clock.install();
    await signIn(page);

    // Key page: a failed first load, then a failed refresh of a key on screen.
    let fault = await injectFault(page, { method: 'GET', path: keyPath }, '500');
    await page.goto(`/regions/${REGION}/keys/${key.identity}`);
    await expect(page.getByRole('heading', { name: 'The KMS API had a problem' })).toBeVisible({
      timeout: 20_000,
    });
    await shot(page, `detail-500-${scheme}`);
    await fault.remove();
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { level: 1, name: key.name })).toBeVisible();
    fault = await injectFault(page, { method: 'GET', path: keyPath }, 'abort');
    await page.clock.fastForward(31_000);
    await page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')));
    await expect(page.getByText(/Could not refresh this key/)).toBeVisible({ timeout: 20_000 });
    await shot(page, `detail-refresh-failed-${scheme}`);
    await fault.remove();

    // A lifecycle dialog and the export dialog with the error in place.
    fault = await injectFault(page, { method: 'POST', path: `${keyPath}/rotate` }, '503');
    await page.getByRole('button', { name: 'Rotate now', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Create version 2' }).click();
    await expect(page.getByRole('dialog').getByRole('alert')).toBeVisible();
    await shot(page, `rotate-503-${scheme}`);
    await page.keyboard.press('Escape');
    await fault.remove();

    // Key list: a failed refresh over loaded rows.
    await page.goto(`/regions/${REGION}/keys?q=${encodeURIComponent(prefix)}`);
    await expect(page.getByRole('link', { name: key.name })).toBeVisible();
    fault = await injectFault(page, { method: 'GET', path: `/v1/kms/${REGION}/keys` }, '500');
    await page.getByRole('button', { name: 'Refresh keys' }).click();
    await expect(page.getByText(/Could not refresh/)).toBeVisible({ timeout: 20_000 });
    await shot(page, `list-refresh-failed-${scheme}`);
    await fault.remove();
  });
}
