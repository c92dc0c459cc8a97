import type { APIRequestContext, Page } from '@playwright/test';
import { createKey, expect, signIn, test, uniqueName, type CreateKeyBody } from './fixtures';

/**
 * Screenshots of sign-in, the region overview and the key list (full, empty, states), light and
 * dark, at 1440x900. Run with SCREENSHOTS=1; they land in screenshots/ (gitignored).
 */
test.skip(!process.env.SCREENSHOTS, 'screenshots only with SCREENSHOTS=1');
test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

const DIR = 'screenshots';
const PROJECT = 'proj-web';
const REGION = 'nl-02';
const EMPTY_PROJECT = 'proj-ci';

async function shot(page: Page, name: string) {
  await page.waitForTimeout(250);
  await page.screenshot({ path: `${DIR}/${name}.png` });
}

async function post(api: APIRequestContext, path: string) {
  const res = await api.post(path, { headers: { 'X-Project-Identity': PROJECT } });
  expect(res.ok(), path).toBe(true);
}

const SAMPLES: CreateKeyBody[] = [
  {
    name: 'Payments envelope',
    keyType: 'aes256-gcm96',
    labels: { team: 'ledger', env: 'production' },
    keyRotationEnabled: true,
    rotationPeriodInDays: 90,
  },
  { name: 'Artefact signing', keyType: 'ed25519', labels: { team: 'release' } },
  {
    name: 'Webhook HMAC',
    keyType: 'hmac-sha256',
    labels: { env: 'production', service: 'webhooks', tier: 'edge' },
  },
  {
    name: 'DNSSEC zone key',
    keyType: 'ecdsa-p256',
    keyRotationEnabled: true,
    rotationPeriodInDays: 365,
  },
  { name: 'Legacy backups', keyType: 'aes128-gcm96', labels: { env: 'archive' } },
  {
    name: 'Partner exchange RSA',
    keyType: 'rsa-3072',
    exportAllowed: true,
    labels: { partner: 'acme' },
  },
  {
    name: 'Session tokens',
    keyType: 'chacha20-poly1305',
    keyRotationEnabled: true,
    rotationPeriodInDays: 30,
  },
  { name: 'Audit log signing', keyType: 'ecdsa-p384' },
];

test('seed a project with a realistic set of keys', async ({ api }) => {
  const keys = [];
  for (const body of SAMPLES) {
    keys.push(
      await createKey(
        api,
        REGION,
        { ...body, name: `${body.name} ${uniqueName('s').slice(-4)}` },
        { project: PROJECT },
      ),
    );
  }
  await post(api, `/v1/kms/${REGION}/keys/${keys[4]!.identity}/disable`);
  await post(api, `/v1/kms/${REGION}/keys/${keys[7]!.identity}/disable`);
  const del = await api.delete(`/v1/kms/${REGION}/keys/${keys[4]!.identity}`, {
    headers: { 'X-Project-Identity': PROJECT },
  });
  expect(del.ok()).toBe(true);
  await post(api, `/v1/kms/${REGION}/keys/${keys[0]!.identity}/rotate`);
  await post(api, `/v1/kms/${REGION}/keys/${keys[0]!.identity}/rotate`);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`sign-in, overview and key list (${scheme})`, async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });

    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await shot(page, `sign-in-${scheme}`);
    await page.getByLabel('Organisation').fill('org-local');
    await page.getByLabel('API token').fill('not-the-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText(/refused this token/)).toBeVisible();
    await shot(page, `sign-in-error-${scheme}`);

    await signIn(page, { project: PROJECT });
    await page.goto(`/regions?project=${PROJECT}`);
    await expect(page.getByRole('list', { name: 'Regions' })).toBeVisible();
    await shot(page, `regions-${scheme}`);

    await page.getByRole('button', { name: /Change scope/ }).click();
    await shot(page, `scope-switcher-${scheme}`);
    await page.keyboard.press('Escape');

    await page.goto(`/regions/${REGION}/keys?project=${PROJECT}`);
    await expect(page.getByRole('table')).toBeVisible();
    await shot(page, `key-list-${scheme}`);

    await page.getByRole('button', { name: 'Filter by status' }).click();
    await shot(page, `key-list-facet-${scheme}`);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Exact lookup' }).click();
    await page.getByLabel('Labels').fill('env=production');
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.getByRole('searchbox').fill('pay');
    await page.getByRole('button', { name: 'Filter by purpose' }).click();
    await page.getByRole('menuitemcheckbox', { name: /Encrypt/ }).click();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('table')).toBeVisible();
    await shot(page, `key-list-filtered-${scheme}`);

    await page.getByRole('searchbox').fill('nothing-matches-this');
    await expect(page.getByRole('heading', { name: 'No keys match' })).toBeVisible();
    await shot(page, `key-list-no-match-${scheme}`);

    await page.goto(`/regions/${REGION}/keys?project=${EMPTY_PROJECT}`);
    await expect(page.getByRole('heading', { name: /No keys in/ })).toBeVisible();
    await shot(page, `key-list-empty-${scheme}`);

    await page.goto('/regions/de-01/keys');
    await expect(page.getByRole('heading', { name: /not available in de-01/ })).toBeVisible();
    await shot(page, `key-list-503-${scheme}`);

    await page.goto('/regions/xx-99/keys');
    await expect(page.getByRole('heading', { name: /Region not found/ })).toBeVisible();
    await shot(page, `key-list-404-${scheme}`);

    await page.route('**/v1/kms/nl-01/keys*', (route) => route.abort('internetdisconnected'));
    await page.goto('/regions/nl-01/keys');
    await expect(page.getByRole('heading', { name: 'Cannot reach the KMS API' })).toBeVisible({
      timeout: 20_000,
    });
    await shot(page, `key-list-network-${scheme}`);
    await page.unroute('**/v1/kms/nl-01/keys*');

    await page.goto('/sign-in');
    await page.getByLabel('Organisation').fill('org-nokms');
    await page.getByLabel('API token').fill('e2e-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: /KMS is not enabled/ })).toBeVisible();
    await shot(page, `regions-kms-off-${scheme}`);
  });
}
