import { createHash, createPublicKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createKey, E2E_TOKEN, expect, signIn, test, uniqueName } from './fixtures';
import { audit, settled } from './axe-audit';

const REGION = 'nl-01';

test('overview shows every field, what is fixed, capabilities, compatibility and last use', async ({
  page,
  api,
}) => {
  const key = await createKey(api, REGION, {
    name: uniqueName('Overview key'),
    keyType: 'aes256-gcm96',
    description: '<script>alert(1)</script> stays text',
    labels: { team: 'ledger' },
    annotations: { 'example.com/owner': '<b>ops</b>' },
    keyRotationEnabled: true,
    rotationPeriodInDays: 90,
  });
  const enc = await api.post(`/v1/kms/${REGION}/keys/${key.identity}/encrypt`, {
    data: { plaintext: 'aGVsbG8=' },
  });
  expect(enc.status()).toBe(200);

  await signIn(page);
  // Opened by slug; the identity is shown with a copy button.
  await page.goto(`/regions/${REGION}/keys/${key.slug}`);
  await expect(page.getByRole('heading', { level: 1, name: key.name })).toBeVisible();
  const panel = page.getByRole('tabpanel', { name: 'Overview' });
  await expect(panel.getByText(key.identity)).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Copy identity' })).toBeVisible();
  await expect(panel.getByText('<script>alert(1)</script> stays text')).toBeVisible();
  await expect(panel.getByText('<b>ops</b>')).toBeVisible();
  // Fixed fields carry the reason.
  const fixed = panel.getByRole('img', {
    name: /Fixed: Set at creation; create a new key to change it/,
  });
  await expect(fixed).toHaveCount(7);
  await expect(panel.getByText('On, every 90 days')).toBeVisible();
  await expect(panel.getByText('Secrets Manager: compatible')).toBeVisible();
  await expect(panel.getByText('DNSSEC: not compatible')).toBeVisible();
  await expect(panel.getByRole('list', { name: 'Operations' })).toContainText('Encrypt: supported');
  await expect(panel.getByRole('list', { name: 'Operations' })).toContainText(
    'Sign: not supported',
  );
  await expect(panel.getByText(/Last used .* by Encrypt \(version 1\)/)).toBeVisible();
  // A symmetric key has no public key tab.
  await expect(page.getByRole('tab', { name: 'Public key' })).toHaveCount(0);
});

test('each tab is a URL: clicking, reloading and going back keep the tab', async ({
  page,
  api,
}) => {
  const key = await createKey(api, REGION, { name: uniqueName('Tabs key'), keyType: 'ecdsa-p384' });
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys/${key.identity}`);
  await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  for (const [name, path] of [
    ['Versions', 'versions'],
    ['Rotation', 'rotation'],
    ['Public key', 'public-key'],
    ['API', 'api'],
  ] as const) {
    await page.getByRole('tab', { name }).click();
    await expect(page).toHaveURL(new RegExp(`/keys/${key.identity}/${path}$`));
    await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
  }
  await page.reload();
  await expect(page.getByRole('tab', { name: 'API' })).toHaveAttribute('aria-selected', 'true');
  await page.goBack();
  await expect(page).toHaveURL(/\/public-key$/);
  await expect(page.getByRole('tab', { name: 'Public key' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(page).toHaveURL(new RegExp(`/keys/${key.identity}$`));
  // ECDSA P-384 is usable for DNSSEC.
  await expect(page.getByText('DNSSEC: compatible')).toBeVisible();
});

test('public key: PEM per version, SHA-256 fingerprint of the DER, copy and download', async ({
  page,
  api,
}) => {
  const key = await createKey(api, REGION, {
    name: uniqueName('Signing key'),
    keyType: 'ecdsa-p256',
  });
  const rotated = await api.post(`/v1/kms/${REGION}/keys/${key.identity}/rotate`);
  expect(rotated.status()).toBe(200);
  const res = await api.get(`/v1/kms/${REGION}/keys/${key.identity}/public-key`);
  const { keys } = (await res.json()) as { keys: Record<string, string> };
  const fingerprint = (pem: string) =>
    (
      createHash('sha256')
        .update(createPublicKey(pem).export({ type: 'spki', format: 'der' }))
        .digest('hex')
        .toUpperCase()
        .match(/../g) ?? []
    ).join(':');

  await signIn(page);
  await page.goto(`/regions/${REGION}/keys/${key.identity}/public-key`);
  const pem2 = keys['2'] ?? '';
  await expect(page.getByLabel('Public key version 2', { exact: true })).toHaveText(pem2.trim());
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy public key version 2' }).click();
  await expect(page.getByRole('button', { name: 'Copied public key version 2' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(pem2);
  await expect(page.getByTestId('public-key-fingerprint')).toHaveText(fingerprint(pem2));

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Download \.pem/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${key.slug}-v2.pem`);
  const saved = await readFile(await file.path(), 'utf8');
  expect(fingerprint(saved)).toBe(fingerprint(pem2));

  await page.getByRole('combobox', { name: 'Version' }).selectOption('1');
  const pem1 = keys['1'] ?? '';
  await expect(page.getByTestId('public-key-fingerprint')).toHaveText(fingerprint(pem1));
  expect(fingerprint(pem1)).not.toBe(fingerprint(pem2));
});

test('public key of an Ed25519 key: raw base64 and PEM, one fingerprint over the raw 32 bytes', async ({
  page,
  api,
}) => {
  const key = await createKey(api, REGION, { name: uniqueName('Ed key'), keyType: 'ed25519' });
  const res = await api.get(`/v1/kms/${REGION}/keys/${key.identity}/public-key`);
  const { keys } = (await res.json()) as { keys: Record<string, string> };
  const raw = Buffer.from(keys['1'] ?? '', 'base64');
  expect(raw.length).toBe(32);
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys/${key.identity}/public-key`);
  await expect(page.getByText(/Ed25519 public key: base64 of the raw 32 bytes/)).toBeVisible();
  const expected = (
    createHash('sha256').update(raw).digest('hex').toUpperCase().match(/../g) ?? []
  ).join(':');
  await expect(page.getByTestId('public-key-fingerprint')).toHaveText(expected);

  // The same key as PEM SubjectPublicKeyInfo: copy and download give a key OpenSSL/Node read
  // back to the same 32 bytes, so the fingerprint above holds for it too.
  const spkiRaw = (pem: string) =>
    createPublicKey(pem).export({ type: 'spki', format: 'der' }).subarray(12);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy PEM public key version 1' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
  expect(spkiRaw(copied).equals(raw)).toBe(true);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download .pem' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${key.slug}-v1.pem`);
  const saved = await readFile(await file.path(), 'utf8');
  expect(saved).toBe(copied);
  expect(spkiRaw(saved).equals(raw)).toBe(true);
});

test('API tab: curl for every action and Terraform, with placeholders and never the token', async ({
  page,
  api,
}) => {
  const key = await createKey(
    api,
    REGION,
    { name: uniqueName('Project key'), keyType: 'aes256-gcm96', exportAllowed: true },
    { project: 'proj-web' },
  );
  await signIn(page, { project: 'proj-web' });
  await page.goto(`/regions/${REGION}/keys/${key.identity}/api?project=proj-web`);
  const read = page.locator('#api-get');
  await expect(read).toContainText(`/v1/kms/${REGION}/keys/${key.identity}`);
  await expect(read).toContainText('Authorization: Bearer $TOKEN');
  await expect(read).toContainText('X-Organisation-Identity: $ORG_ID');
  await expect(read).toContainText('X-Project-Identity: proj-web');
  for (const id of [
    'rotate',
    'rotation',
    'disable',
    'enable',
    'delete',
    'cancel-deletion',
    'encrypt',
    'decrypt',
    'export',
  ]) {
    await expect(page.locator(`#api-${id}`)).toContainText('$TOKEN');
  }
  await expect(page.locator('#api-terraform')).toContainText('resource "thalassa_kms_key"');
  await expect(page.locator('#api-terraform')).toContainText(`name     = "${key.name}"`);
  const text = await page.getByRole('tabpanel', { name: 'API' }).innerText();
  expect(text).not.toContain(E2E_TOKEN);
});

test('an unknown key shows a not-found page with the way back', async ({ page }) => {
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys/no-such-key-${Date.now()}`);
  await expect(page.getByRole('heading', { name: /not found/ })).toBeVisible();
  await expect(page.getByRole('link', { name: `Back to keys in ${REGION}` })).toBeVisible();
});

test('the key page and its dialogs have no serious accessibility violations', async ({
  page,
  api,
}) => {
  test.setTimeout(180_000); // axe scans seven views, each in both themes
  const key = await createKey(api, REGION, {
    name: uniqueName('A11y key'),
    keyType: 'rsa-2048',
    exportAllowed: true,
    labels: { team: 'a11y' },
    keyRotationEnabled: true,
    rotationPeriodInDays: 90,
  });
  // Two versions, so the versions and rotation tabs show history.
  expect((await api.post(`/v1/kms/${REGION}/keys/${key.identity}/rotate`)).ok()).toBe(true);
  await signIn(page);
  // Every axe rule, best practices too; each view in light and dark without loading it again.
  const scan = (label: string) => audit(page, label, { rules: 'all' });
  for (const tab of ['', '/versions', '/rotation', '/public-key', '/api']) {
    await page.goto(`/regions/${REGION}/keys/${key.identity}${tab}`);
    await expect(page.getByRole('heading', { level: 1, name: key.name })).toBeVisible();
    await settled(page);
    await scan(tab || 'overview');
  }
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await scan('export dialog');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Schedule deletion', exact: true }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await scan('delete dialog');
});
