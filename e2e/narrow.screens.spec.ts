import type { Page } from '@playwright/test';
import { wizard } from './create-key-wizard';
import { createKey, expect, signIn, test, uniqueName, type CreateKeyBody } from './fixtures';
import { PHONE } from './narrow-support';

/**
 * Screenshots at 390x844 (phone) and 1440x900, light and dark: the key list, a key page, the
 * wizard, a dialog and (phone) the header menu. Run with SCREENSHOTS=1; they land in
 * screenshots/narrow-*.png (gitignored). With DOCS_SCREENSHOT=1 the phone key list (light) is
 * also written to docs/screenshot-phone.png for the README.
 */
test.skip(!process.env.SCREENSHOTS, 'screenshots only with SCREENSHOTS=1');
test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

const REGION = 'nl-02';
const PROJECT = 'proj-web';
const SIZES = { phone: PHONE, wide: { width: 1440, height: 900 } } as const;

async function shot(page: Page, name: string, options: { isFull?: boolean } = {}) {
  await page.waitForTimeout(250); // let a dialog's fade and the toasts settle
  await page.screenshot({ path: `screenshots/narrow-${name}.png`, fullPage: !!options.isFull });
}

const SAMPLES: CreateKeyBody[] = [
  {
    name: 'Payments envelope',
    keyType: 'aes256-gcm96',
    labels: { team: 'ledger', env: 'production' },
    keyRotationEnabled: true,
    rotationPeriodInDays: 90,
    exportAllowed: true,
  },
  { name: 'Artefact signing', keyType: 'ed25519', labels: { team: 'release' } },
  { name: 'Webhook HMAC', keyType: 'hmac-sha256', labels: { env: 'production' } },
  {
    name: 'DNSSEC zone key',
    keyType: 'ecdsa-p256',
    keyRotationEnabled: true,
    rotationPeriodInDays: 365,
  },
  {
    name: 'Session tokens',
    keyType: 'chacha20-poly1305',
    keyRotationEnabled: true,
    rotationPeriodInDays: 30,
  },
  { name: 'Partner exchange RSA', keyType: 'rsa-3072', labels: { partner: 'acme' } },
];

let firstKey = '';
let firstName = '';

test('seed a project with a few keys', async ({ api }) => {
  for (const body of SAMPLES) {
    const key = await createKey(
      api,
      REGION,
      { ...body, name: `${body.name} ${uniqueName('n').slice(-4)}` },
      { project: PROJECT },
    );
    if (!firstKey) {
      firstKey = key.identity;
      firstName = key.name;
    }
  }
  const res = await api.post(`/v1/kms/${REGION}/keys/${firstKey}/rotate`, {
    headers: { 'X-Project-Identity': PROJECT },
  });
  expect(res.ok()).toBe(true);
});

for (const [size, viewport] of Object.entries(SIZES)) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`list, key page, wizard and a dialog (${size}, ${scheme})`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await signIn(page, { project: PROJECT });
      const tag = `${size}-${scheme}`;

      await page.goto(`/regions/${REGION}/keys?project=${PROJECT}`);
      await expect(page.getByRole('table')).toBeVisible();
      await expect(page.getByRole('link', { name: firstName })).toBeVisible();
      await shot(page, `key-list-${tag}`);
      if (size === 'phone' && scheme === 'light' && process.env.DOCS_SCREENSHOT) {
        await page.screenshot({ path: 'docs/screenshot-phone.png' });
      }
      if (size === 'phone') {
        await page.getByRole('button', { name: 'Menu' }).click();
        await expect(page.getByRole('dialog', { name: 'Menu' })).toBeVisible();
        await shot(page, `menu-${tag}`);
        await page.keyboard.press('Escape');
      }

      await page.goto(`/regions/${REGION}/keys/${firstKey}?project=${PROJECT}`);
      await expect(page.getByRole('heading', { level: 1, name: firstName })).toBeVisible();
      await shot(page, `key-page-${tag}`, { isFull: true });
      await page.goto(`/regions/${REGION}/keys/${firstKey}/versions?project=${PROJECT}`);
      await expect(page.getByRole('table')).toBeVisible();
      await shot(page, `key-versions-${tag}`, { isFull: true });
      await page.getByRole('button', { name: 'Schedule deletion', exact: true }).click();
      await expect(page.getByRole('dialog', { name: /Schedule deletion of/ })).toBeVisible();
      await shot(page, `dialog-${tag}`);
      await page.keyboard.press('Escape');

      const w = wizard(page);
      await w.open(REGION, `?project=${PROJECT}`);
      await shot(page, `wizard-type-${tag}`);
      await w.next('Details');
      await w.name().fill('Phone-made key');
      await shot(page, `wizard-details-${tag}`, { isFull: true });
      await w.toReviewFromDetails();
      await shot(page, `wizard-review-${tag}`, { isFull: true });
    });
  }
}
