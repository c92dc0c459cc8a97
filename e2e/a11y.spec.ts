import type { APIRequestContext, Page } from '@playwright/test';
import { audit, BOTH } from './axe-audit';
import { createKey, expect, signIn, test, uniqueName } from './fixtures';

/**
 * axe-core audit (WCAG 2.0/2.1 A and AA) of what the area specs do not scan already, in light
 * and dark: the crypto tab as a whole page (key-detail.spec.ts scans the other tabs, the export
 * gate and the deletion dialog in both), every other key dialog, the header and filter menus, the wizard's leave guard and
 * unavailable region, and the designed states (empty, no match, 403, 503, not found, disabled,
 * pending deletion, sign-in field errors), the audit log and a key's Activity tab. Covered
 * elsewhere: sign-in and the key list (key-list.spec.ts), the overview (regions.spec.ts), every
 * wizard step and its export gate (create-key.spec.ts), the crypto panel (crypto.spec.ts).
 *
 * Serious and critical violations fail the test; moderate and minor ones are printed.
 */

const REGION = 'nl-01';
async function post(api: APIRequestContext, identity: string, op: 'disable' | 'rotate') {
  const res = await api.post(`/v1/kms/${REGION}/keys/${identity}/${op}`);
  expect(res.ok(), `${op} ${identity}`).toBe(true);
}

// Many scans per test, on a machine shared with other suites.
test.describe.configure({ timeout: 180_000 });

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

test('the crypto tab as a whole page', async ({ page, api }) => {
  const key = await createKey(api, REGION, {
    name: uniqueName('a11y tabs'),
    keyType: 'ecdsa-p256',
    labels: { team: 'a11y' },
  });
  await signIn(page);
  // key-detail.spec.ts scans the other tabs; crypto.spec.ts scans only the crypto panel.
  await page.goto(`/regions/${REGION}/keys/${key.identity}/crypto`);
  await expect(page.getByRole('heading', { level: 3, name: 'Sign' })).toBeVisible();
  await audit(page, 'crypto tab');
});

test('dialogs of an active key: rotate, disable, schedule deletion, export gate and material', async ({
  page,
  api,
}) => {
  const key = await createKey(api, REGION, {
    name: uniqueName('a11y dialogs'),
    keyType: 'aes256-gcm96',
    exportAllowed: true,
    keyRotationEnabled: true,
    rotationPeriodInDays: 30,
  });
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys/${key.identity}`);
  await expect(h1(page, key.name)).toBeVisible();

  const open = async (trigger: string, dialogName: RegExp) => {
    await page.getByRole('button', { name: trigger, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: dialogName });
    await expect(dialog).toBeVisible();
    return dialog;
  };
  const close = async () => {
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
  };

  await open('Rotate now', /Rotate .* now\?/);
  await audit(page, 'rotate dialog');
  await close();

  await open('Disable', /Disable .*\?/);
  await audit(page, 'disable dialog');
  await close();

  // Opened fresh it is scanned by key-detail.spec.ts; here with a wrong confirmation typed.
  const deletion = await open('Schedule deletion', /Schedule deletion of/);
  await deletion.getByRole('textbox').fill('nl-01/wrong');
  await audit(page, 'schedule deletion dialog', { schemes: ['dark'] });
  await close();

  // The gate as it opens is scanned by key-detail.spec.ts; its material view is ours.
  const gate = await open('Export', /Export key material/);
  await gate.getByRole('checkbox').check();
  await gate.getByRole('textbox').fill(`${REGION}/${key.slug}`);
  await gate.getByRole('button', { name: 'Export version 1' }).click();
  await expect(gate.getByTestId('export-material')).toBeVisible();
  await audit(page, 'export material');
  await close();
});

test('disabled and pending-deletion keys, with enable and cancel-deletion dialogs', async ({
  page,
  api,
}) => {
  const disabled = await createKey(api, REGION, {
    name: uniqueName('a11y disabled'),
    keyType: 'rsa-2048',
  });
  await post(api, disabled.identity, 'disable');
  const pending = await createKey(api, REGION, {
    name: uniqueName('a11y pending'),
    keyType: 'hmac-sha256',
  });
  expect((await api.delete(`/v1/kms/${REGION}/keys/${pending.identity}`)).ok()).toBe(true);
  await signIn(page);

  await page.goto(`/regions/${REGION}/keys/${disabled.identity}`);
  await expect(page.getByText('This key is disabled.', { exact: true })).toBeVisible();
  await audit(page, 'disabled key');
  await page.getByRole('button', { name: 'Enable', exact: true }).click();
  await expect(page.getByRole('dialog', { name: /Enable/ })).toBeVisible();
  await audit(page, 'enable dialog');
  await page.keyboard.press('Escape');

  await page.goto(`/regions/${REGION}/keys/${pending.identity}`);
  await expect(page.getByText(/Scheduled for deletion/)).toBeVisible();
  await audit(page, 'key pending deletion');
  await page.getByRole('button', { name: 'Cancel deletion', exact: true }).click();
  await expect(page.getByRole('dialog', { name: /Cancel deletion of/ })).toBeVisible();
  await audit(page, 'cancel deletion dialog');
});

test('header and list menus: theme, scope, region switcher, status filter', async ({
  page,
  api,
}) => {
  const key = await createKey(api, REGION, { name: uniqueName('a11y menus') });
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys?q=${encodeURIComponent(key.slug)}`);
  await expect(page.getByRole('table', { name: `Keys in ${REGION}` })).toBeVisible();

  await page.getByRole('button', { name: /^Theme:/ }).click();
  await expect(page.getByRole('menu')).toBeVisible();
  await audit(page, 'theme menu');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();

  await page.getByRole('button', { name: /Change scope/ }).click();
  await expect(page.getByRole('dialog', { name: 'Scope' })).toBeVisible();
  await audit(page, 'scope switcher');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  await page.getByRole('button', { name: 'Filter by status' }).click();
  await expect(page.getByRole('menuitemcheckbox', { name: /Active/ })).toBeVisible();
  await audit(page, 'status filter menu');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();

  await page.getByRole('button', { name: /Switch region/ }).click();
  await expect(page.getByRole('menuitemradio', { name: /Netherlands 02/ })).toBeVisible();
  await audit(page, 'region switcher');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();
});

test('wizard: leave guard and a region without KMS', async ({ page }) => {
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys/new`);
  await expect(page.getByRole('heading', { name: 'Origin and type' })).toBeVisible();
  await page.getByRole('button', { name: /^Next/ }).click();
  await page.getByLabel(/^Name/).fill(uniqueName('a11y leave'));
  await page.getByRole('link', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog', { name: 'Leave without creating the key?' })).toBeVisible();
  await audit(page, 'leave guard');
  // Leaving through the guard: a page load with unsaved input would meet the browser's prompt.
  await page.getByRole('button', { name: 'Leave and discard' }).click();
  await expect(page).toHaveURL(new RegExp(`/regions/${REGION}/keys$`));

  await page.goto('/regions/de-01/keys/new');
  await page.getByRole('button', { name: /^Next/ }).click();
  await expect(page.getByText('KMS is not available in Germany 01.')).toBeVisible();
  await audit(page, 'wizard details, region without KMS');
  await page.getByLabel(/^Name/).fill(uniqueName('a11y 503'));
  for (const step of ['Rotation', 'Export', 'Review and create']) {
    await page.getByRole('button', { name: /^Next/ }).click();
    await expect(page.getByRole('heading', { name: step, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('button', { name: 'Create key' })).toBeDisabled();
  await expect(page.getByText('Keys cannot be created here: see the notice above.')).toBeVisible();
  await audit(page, 'wizard review, region without KMS');
});

test('key list states: empty region, no match, 503, unknown region', async ({ page }) => {
  // Nothing in the e2e suite creates keys in project proj-ci in nl-02.
  await signIn(page, { project: 'proj-ci' });
  await page.goto('/regions/nl-02/keys?project=proj-ci');
  await expect(page.getByRole('heading', { name: 'No keys in nl-02 yet' })).toBeVisible();
  await audit(page, 'empty region');

  await page.goto(`/regions/${REGION}/keys?q=${encodeURIComponent(uniqueName('nothing'))}`);
  await expect(page.getByRole('heading', { name: 'No keys match' })).toBeVisible();
  await audit(page, 'no match');

  await page.goto('/regions/de-01/keys');
  await expect(page.getByRole('heading', { name: 'KMS is not available in de-01' })).toBeVisible();
  await audit(page, '503 region');

  await page.goto('/regions/xx-99/keys');
  await expect(page.getByRole('heading', { name: 'Region not found, or no access' })).toBeVisible();
  await audit(page, 'unknown region');
});

test('not found: a key and a page', async ({ page }) => {
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys/no-such-key-${Date.now()}`);
  await expect(page.getByRole('heading', { name: /not found/ })).toBeVisible();
  await audit(page, 'key not found');

  // Outside the app frame nothing follows a live OS theme change: load it in each scheme.
  for (const colorScheme of BOTH) {
    await page.emulateMedia({ colorScheme });
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await audit(page, 'page not found', { schemes: [colorScheme] });
  }
});

test('an organisation without KMS (403)', async ({ page }) => {
  await signIn(page, { org: 'org-nokms' });
  const heading = page.getByRole('heading', { name: 'KMS is not enabled for this organisation' });
  await expect(heading).toBeVisible();
  await audit(page, '403 overview');
  await page.goto(`/regions/${REGION}/keys`);
  await expect(heading).toBeVisible();
  await audit(page, '403 key list');
  await page.goto(`/regions/${REGION}/keys/new`);
  await expect(page.getByText('KMS is not enabled for organisation org-nokms.')).toBeVisible();
  await audit(page, '403 wizard');
});

test('sign-in with errors on its fields', async ({ page }) => {
  // No app frame here either: load it in each scheme.
  for (const colorScheme of BOTH) {
    await page.emulateMedia({ colorScheme });
    await page.goto('/sign-in');
    await page.getByLabel('Organisation', { exact: true }).fill('org-local');
    await page.getByLabel('API base URL').fill('ftp://nowhere');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Enter your API token')).toBeVisible();
    await expect(page.getByText(/Use an http:\/\/ or https:\/\/ address/)).toBeVisible();
    await audit(page, 'sign-in errors', { schemes: [colorScheme] });
  }
});

async function keyWithAuditTrail(api: APIRequestContext) {
  const key = await createKey(api, REGION, {
    name: uniqueName('a11y audit'),
    keyType: 'aes256-gcm96',
  });
  const op = (name: string, data: object) =>
    api.post(`/v1/kms/${REGION}/keys/${key.identity}/${name}`, { data });
  expect((await op('encrypt', { plaintext: 'aGVsbG8=' })).ok()).toBe(true);
  expect((await op('decrypt', { ciphertext: `thalassa:v1:${'A'.repeat(40)}` })).status()).toBe(400);
  return key;
}

test('audit log: table with a failure, and the export dialog', async ({ page, api }) => {
  const key = await keyWithAuditTrail(api);
  await signIn(page);
  await page.goto(`/audit?key=${key.identity}`);
  const rows = page.getByRole('table', { name: 'Audit events' }).locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await audit(page, 'audit log');

  await page.getByRole('button', { name: 'Export' }).click();
  await expect(page.getByRole('dialog', { name: 'Export events' })).toBeVisible();
  await audit(page, 'audit export dialog');
});

test('audit log notice and no match; a key activity tab', async ({ page, api }) => {
  const key = await keyWithAuditTrail(api);
  await signIn(page);
  await page.goto(`/audit?outcome=maybe&key=${uniqueName('nothing')}`);
  await expect(page.getByRole('heading', { name: 'No events match' })).toBeVisible();
  await expect(page.getByText(/Part of this link was ignored/)).toBeVisible();
  await audit(page, 'audit log, notice and no match');

  await page.goto(`/regions/${REGION}/keys/${key.identity}/activity`);
  await expect(page.getByRole('table', { name: 'Last use per version' })).toBeVisible();
  await expect(page.getByRole('table', { name: `Events of ${key.name}` })).toBeVisible();
  await audit(page, 'activity tab');
});
