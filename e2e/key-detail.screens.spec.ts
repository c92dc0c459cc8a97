import type { APIRequestContext, Page } from '@playwright/test';
import { createKey, expect, signIn, test, uniqueName } from './fixtures';

/** Screenshots of every key tab and dialog, light and dark. Run with SCREENSHOTS=1. */
test.skip(!process.env.SCREENSHOTS, 'screenshots only with SCREENSHOTS=1');
test.describe.configure({ mode: 'serial' });
test.setTimeout(300_000);

const REGION = 'nl-01';
const DIR = 'screenshots';

async function shot(page: Page, name: string) {
  // Let transitions and toasts settle before taking the picture.
  await page.waitForTimeout(250);
  await page.screenshot({ path: `${DIR}/key-detail-${name}.png`, fullPage: true });
}

async function use(api: APIRequestContext, identity: string, op: string, body: object) {
  const res = await api.post(`/v1/kms/${REGION}/keys/${identity}/${op}`, { data: body });
  expect(res.ok()).toBe(true);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`key page tabs and dialogs (${scheme})`, async ({ page, api }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    const key = await createKey(api, REGION, {
      name: uniqueName(`Payments data key ${scheme}`),
      keyType: 'aes256-gcm96',
      description: 'Envelope key for the payments service.\nOwned by team Ledger.',
      labels: { team: 'ledger', env: 'production' },
      annotations: {
        'example.com/owner': 'ledger@example.com',
        'example.com/note': '<i>markup stays text</i>',
      },
      exportAllowed: true,
      keyRotationEnabled: true,
      rotationPeriodInDays: 90,
    });
    const seed = await api.post('/_emulator/seed-versions', {
      data: { region: REGION, id: key.identity, count: 11 },
    });
    expect(seed.ok()).toBe(true);
    await use(api, key.identity, 'encrypt', { plaintext: 'aGVsbG8=' });
    await signIn(page);
    const base = `/regions/${REGION}/keys/${key.slug}`;

    await page.goto(base);
    await expect(page.getByRole('heading', { level: 1, name: key.name })).toBeVisible();
    await expect(page.getByText(/Last used/)).toBeVisible();
    await shot(page, `overview-${scheme}`);

    await page.goto(`${base}/versions`);
    await expect(page.getByRole('table')).toBeVisible();
    await shot(page, `versions-${scheme}`);

    await page.goto(`${base}/rotation`);
    await page.getByRole('button', { name: '180 days' }).click();
    await shot(page, `rotation-${scheme}`);
    await page.getByLabel('Rotation period (days)').fill('0');
    await shot(page, `rotation-invalid-${scheme}`);

    await page.goto(`${base}/api`);
    await shot(page, `api-${scheme}`);

    await page.goto(`${base}/crypto`);
    await shot(page, `crypto-${scheme}`);

    await page.goto(base);
    await page.getByRole('button', { name: 'Rotate now' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await shot(page, `dialog-rotate-${scheme}`);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Disable' }).click();
    await shot(page, `dialog-disable-${scheme}`);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Schedule deletion', exact: true }).click();
    await page.getByRole('dialog').getByLabel(/Type/).fill(`${REGION}/`);
    await shot(page, `dialog-delete-${scheme}`);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('dialog').getByRole('checkbox').check();
    await page
      .getByRole('dialog')
      .getByLabel(/to confirm/)
      .fill(`${REGION}/${key.slug}`);
    await shot(page, `dialog-export-gate-${scheme}`);
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /Export version/ })
      .click();
    await expect(page.getByText(/Cleared from this page in/)).toBeVisible();
    await shot(page, `dialog-export-material-${scheme}`);
    await page.getByRole('dialog').getByRole('button', { name: 'Reveal' }).click();
    await shot(page, `dialog-export-revealed-${scheme}`);
    await page.keyboard.press('Escape');

    // Disabled state: the banner and reasons on the actions.
    await page.getByRole('button', { name: 'Disable' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Disable key' }).click();
    await expect(page.getByText('This key is disabled.', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Rotate now' }).locator('..').hover();
    await expect(page.getByRole('tooltip')).toBeVisible();
    await shot(page, `disabled-${scheme}`);
    await page.getByRole('tab', { name: 'Rotation' }).click();
    await expect(page.getByRole('switch', { name: 'Rotate automatically' })).toBeDisabled();
    await shot(page, `rotation-disabled-key-${scheme}`);
    await page.getByRole('tab', { name: 'Overview' }).click();
    await page.getByRole('button', { name: 'Enable', exact: true }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await shot(page, `dialog-enable-${scheme}`);
    await page.getByRole('dialog').getByRole('button', { name: 'Enable key' }).click();

    // Pending deletion: countdown and cancel.
    await page.getByRole('button', { name: 'Schedule deletion', exact: true }).click();
    await page.getByRole('dialog').getByLabel(/Type/).fill(`${REGION}/${key.slug}`);
    await page.getByRole('dialog').getByRole('button', { name: 'Schedule deletion' }).click();
    await expect(page.getByText(/Scheduled for deletion/)).toBeVisible();
    await shot(page, `pending-deletion-${scheme}`);
    await page.getByRole('button', { name: 'Cancel deletion', exact: true }).click();
    await shot(page, `dialog-cancel-deletion-${scheme}`);
    await page.keyboard.press('Escape');

    // An asymmetric key: the public key tab.
    const signing = await createKey(api, REGION, {
      name: uniqueName(`Release signing ${scheme}`),
      keyType: 'ecdsa-p256',
    });
    await page.goto(`/regions/${REGION}/keys/${signing.identity}/public-key`);
    await expect(page.getByTestId('public-key-fingerprint')).toContainText(':');
    await shot(page, `public-key-${scheme}`);
    await page.goto(`/regions/${REGION}/keys/${signing.identity}`);
    await shot(page, `overview-ecdsa-${scheme}`);

    await page.goto(`/regions/${REGION}/keys/does-not-exist-${scheme}`);
    await expect(page.getByText(/not found/i).first()).toBeVisible();
    await shot(page, `not-found-${scheme}`);
  });
}
