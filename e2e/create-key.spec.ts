import { confirmationPhrase, KEY_TYPES, KEY_TYPE_INFO, slugify } from '../src/contract';
import { wizard } from './create-key-wizard';
import { audit } from './axe-audit';
import { createKey, expect, getKey, signIn, test, uniqueName } from './fixtures';

test.describe('create-key wizard', () => {
  // One test per purpose group (they run in parallel); together they create all 13 types.
  for (const purpose of ['encrypt', 'sign', 'hmac'] as const) {
    const keyTypes = KEY_TYPES.filter((t) => KEY_TYPE_INFO[t].purpose === purpose);
    test(`creates one key of each ${purpose} type: ${keyTypes.join(', ')}`, async ({
      page,
      api,
    }) => {
      test.setTimeout(120_000);
      const w = wizard(page);
      await signIn(page);
      for (const keyType of keyTypes) {
        await w.open();
        await w.keyType(KEY_TYPE_INFO[keyType].label).click();
        await w.next('Details');
        const name = uniqueName(`type-${keyType}`);
        await w.name().fill(name);
        await w.toReviewFromDetails();
        await expect(page.getByText(`"keyType": "${keyType}"`)).toBeVisible();
        let id: string;
        if (keyType === 'rsa-4096') {
          // A double click must not create two keys; progress shows while RSA-4096 generates.
          await w.createButton().dblclick();
          await expect(
            page.getByRole('status').filter({ hasText: 'Generating RSA 4096 key material' }),
          ).toBeVisible();
          id = await w.waitForKeyPage();
        } else {
          id = await w.create();
        }
        await expect(page.getByText(`Key “${name}” created`).first()).toBeVisible();
        const key = await getKey(api, 'nl-01', id);
        expect(key).toMatchObject({
          name,
          keyType,
          imported: false,
          exportAllowed: false,
          keyRotationEnabled: false,
        });
        if (keyType === 'rsa-4096') {
          const list = await api.get(`/v1/kms/nl-01/keys?name=${encodeURIComponent(name)}`);
          expect(await list.json()).toHaveLength(1);
        }
      }
    });
  }

  test('creates a project-scoped key, switching scope on Details without losing input', async ({
    page,
    api,
  }) => {
    const w = wizard(page);
    await signIn(page);
    await w.open();
    await w.keyType('ChaCha20-Poly1305').click();
    await w.next('Details');
    const name = uniqueName('project key');
    await w.name().fill(name);
    await w.description().fill('kept across the scope switch');
    await page.getByRole('radio', { name: 'Project' }).click();
    await page.getByLabel('Project identity').fill('proj-web');
    await page.getByRole('button', { name: 'Use project' }).click();
    await expect(page).toHaveURL(/project=proj-web/);
    await expect(page.getByText(/Creating in project proj-web/)).toBeVisible();
    await expect(w.name()).toHaveValue(name);
    await expect(w.description()).toHaveValue('kept across the scope switch');
    await w.toReviewFromDetails();
    await expect(page.getByText("-H 'X-Project-Identity: proj-web'")).toHaveCount(0); // curl tab not open yet
    await page.getByRole('tab', { name: 'curl' }).click();
    await expect(page.getByLabel('curl command', { exact: true })).toContainText(
      'X-Project-Identity: proj-web',
    );
    const id = await w.create();
    expect(page.url()).toContain('project=proj-web');
    const key = await getKey(api, 'nl-01', id, { project: 'proj-web' });
    expect(key).toMatchObject({ name, keyType: 'chacha20-poly1305', projectId: 'proj-web' });
    // Not visible in organisation scope.
    expect((await api.get(`/v1/kms/nl-01/keys/${id}`)).status()).toBe(404);
  });

  test('a typed project not yet in use blocks Next: never a key in another scope', async ({
    page,
  }) => {
    const w = wizard(page);
    await signIn(page);
    await w.open();
    await w.next('Details');
    await w.name().fill(uniqueName('scope truth'));
    await page.getByRole('radio', { name: 'Project' }).click();
    await page.getByLabel('Project identity').fill('proj-web');
    await w.next();
    await expect(
      page.getByText(
        'Press Use project to create the key in project proj-web; until then it would be created in organisation scope.',
      ),
    ).toBeVisible();
    await expect(w.heading('Details')).toBeVisible();
    await page.getByRole('button', { name: 'Use project' }).click();
    await expect(page.getByText(/Creating in project proj-web/)).toBeVisible();
    await w.next('Rotation');
  });

  test('rotation: the period is required when on, 1 to 3650 days', async ({ page, api }) => {
    test.setTimeout(60_000); // four more refused values than before, on a shared machine
    const w = wizard(page);
    await signIn(page);
    await w.open();
    await w.next('Details');
    const name = uniqueName('rotating');
    await w.name().fill(name);
    await w.next('Rotation');
    await w.rotationSwitch().click();
    await expect(w.period()).toHaveValue('');
    await w.next();
    await expect(page.getByText('Rotation period is required while rotation is on')).toBeVisible();
    await expect(w.heading('Rotation')).toBeVisible();
    for (const [value, message] of [
      ['0', 'Rotation period must be at least 1 day'],
      ['3651', 'Rotation period must be at most 3650 days'],
      // The same rule and words as the Rotation tab: no 1e2 read as 100, letters refused.
      ['1e2', 'Rotation period must be a whole number of days'],
      ['ninety', 'Rotation period must be a whole number of days'],
    ] as const) {
      await w.period().fill(value);
      await w.next();
      await expect(page.getByText(message)).toBeVisible();
      await expect(w.heading('Rotation')).toBeVisible();
    }
    await w.period().fill('1');
    await expect(page.getByTestId('first-rotation')).toContainText('every 1 day');
    await w.next('Export');
    await w.back();
    await page.getByRole('button', { name: '180 days' }).click();
    await expect(w.period()).toHaveValue('180');
    await w.period().fill('3650');
    await expect(page.getByTestId('first-rotation')).toContainText('every 3,650 days');
    await w.next('Export');
    await w.next('Review and create');
    await expect(page.getByText('"rotationPeriodInDays": 3650')).toBeVisible();
    const id = await w.create();
    expect(await getKey(api, 'nl-01', id)).toMatchObject({
      keyRotationEnabled: true,
      rotationPeriodInDays: 3650,
    });
  });

  test('export is allowed only through the gate; cancelling leaves it off', async ({
    page,
    api,
  }) => {
    const w = wizard(page);
    await signIn(page);
    await w.open();
    await w.next('Details');
    const name = uniqueName('exportable');
    await w.name().fill(name);
    await w.next('Rotation');
    await w.next('Export');
    await expect(w.exportSwitch()).toHaveAttribute('aria-checked', 'false');

    await w.exportSwitch().click();
    const gate = page.getByRole('dialog', { name: "Allow export of this key's material?" });
    await expect(gate).toContainText('break-glass');
    await expect(gate).toContainText('It can never be changed');
    await gate.getByRole('button', { name: 'Cancel' }).click();
    await expect(gate).toBeHidden();
    await expect(w.exportSwitch()).toHaveAttribute('aria-checked', 'false');

    await w.exportSwitch().click();
    const allow = gate.getByRole('button', { name: 'Allow export' });
    await expect(allow).toBeDisabled();
    await gate.getByRole('checkbox').check();
    await expect(allow).toBeDisabled();
    // One rule for every typed confirmation: region/slug (here the slug the name will get).
    await gate.getByLabel(/Type .* to confirm/).fill(name);
    await expect(allow).toBeDisabled();
    await gate.getByLabel(/Type .* to confirm/).fill(confirmationPhrase('nl-01', slugify(name)));
    await allow.click();
    await expect(gate).toBeHidden();
    await expect(w.exportSwitch()).toHaveAttribute('aria-checked', 'true');
    await expect(page.getByText('Export will be allowed for this key, permanently.')).toBeVisible();

    await w.next('Review and create');
    await expect(page.getByText('Yes: raw material can be exported')).toBeVisible();
    await expect(page.getByText('"exportAllowed": true')).toBeVisible();
    const id = await w.create();
    expect(await getKey(api, 'nl-01', id)).toMatchObject({ name, exportAllowed: true });
  });

  test('renaming after the export gate turns export off again and says why', async ({
    page,
    api,
  }) => {
    test.slow(); // a whole wizard walk plus a creation, on a shared machine
    const w = wizard(page);
    await signIn(page);
    await w.open();
    await w.next('Details');
    const name = uniqueName('consented');
    await w.name().fill(name);
    await w.next('Rotation');
    await w.next('Export');
    await w.exportSwitch().click();
    const gate = page.getByRole('dialog', { name: "Allow export of this key's material?" });
    await gate.getByRole('checkbox').check();
    await gate.getByLabel(/Type .* to confirm/).fill(confirmationPhrase('nl-01', slugify(name)));
    await gate.getByRole('button', { name: 'Allow export' }).click();
    await expect(w.exportSwitch()).toHaveAttribute('aria-checked', 'true');

    await w.back();
    await w.back();
    await expect(w.heading('Details')).toBeVisible();
    const renamed = `${name} b`;
    await w.name().fill(renamed);
    await expect(
      page.getByRole('status').filter({ hasText: 'Export was turned off' }),
    ).toContainText('because the key name changed');
    await w.next('Rotation');
    await w.next('Export');
    await expect(w.exportSwitch()).toHaveAttribute('aria-checked', 'false');
    await w.next('Review and create');
    const id = await w.create();
    expect(await getKey(api, 'nl-01', id)).toMatchObject({ name: renamed, exportAllowed: false });
  });

  test('labels and annotations are checked as you type and sent as maps', async ({ page, api }) => {
    const w = wizard(page);
    await signIn(page);
    await w.open();
    await w.next('Details');
    const name = uniqueName('labelled');
    await w.name().fill(name);
    await expect(page.getByTestId('slug-preview')).toHaveText(name.toLowerCase());
    await page.getByRole('button', { name: 'Add label' }).click();
    await page.getByLabel('Label 1 key').fill('-team');
    await expect(page.getByText(/Key name may hold only letters/)).toBeVisible();
    await page.getByLabel('Label 1 key').fill('example.com/team');
    await page.getByLabel('Label 1 value').fill('pay ments');
    await expect(page.getByText(/Label value may hold only letters/)).toBeVisible();
    await w.next();
    await expect(w.heading('Details')).toBeVisible();
    await page.getByLabel('Label 1 value').fill('payments');
    await expect(page.getByText(/may hold only/)).toHaveCount(0);
    await page.getByRole('button', { name: 'Add annotation' }).click();
    await page.getByLabel('Annotation 1 key').fill('note');
    await page.getByLabel('Annotation 1 value').fill('<b>free text</b> is fine');
    await w.toReviewFromDetails();
    const id = await w.create();
    expect(await getKey(api, 'nl-01', id)).toMatchObject({
      labels: { 'example.com/team': 'payments' },
      annotations: { note: '<b>free text</b> is fine' },
    });
  });

  test('leaving with unsaved input asks first', async ({ page }) => {
    const w = wizard(page);
    await signIn(page);
    await w.open();
    await w.next('Details');
    await w.name().fill('unsaved');
    await page.getByRole('link', { name: 'Cancel' }).click();
    const ask = page.getByRole('dialog', { name: 'Leave without creating the key?' });
    await expect(ask).toBeVisible();
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await expect(ask).toBeHidden();
    await expect(w.name()).toHaveValue('unsaved');
    await expect(page).toHaveURL(/\/keys\/new/);
    // Closing the tab gets the browser's own prompt.
    const prompt = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.type());
        void dialog.dismiss();
      }),
    );
    await page.close({ runBeforeUnload: true });
    expect(await prompt).toBe('beforeunload');
  });

  test('in-app navigation away asks, and leaving discards', async ({ page }) => {
    const w = wizard(page);
    await signIn(page);
    await w.open();
    await w.next('Details');
    await w.name().fill('unsaved');
    const ask = page.getByRole('dialog', { name: 'Leave without creating the key?' });
    await page.getByRole('link', { name: 'Cancel' }).click();
    await ask.getByRole('button', { name: 'Leave and discard' }).click();
    await expect(page).toHaveURL(/\/regions\/nl-01\/keys(\?|$)/);
  });

  test('the step is in the URL; a deep link to a later step starts at the first', async ({
    page,
  }) => {
    const w = wizard(page);
    await signIn(page);
    await page.goto('/regions/nl-01/keys/new?step=review');
    await expect(w.heading('Origin and type')).toBeVisible();
    await expect(page).toHaveURL(/step=type/);
    await w.next('Details');
    await expect(page).toHaveURL(/step=details/);
    await page.goBack();
    await expect(w.heading('Origin and type')).toBeVisible();
  });

  test('the duplicate warning names an existing key with the same slug', async ({ page, api }) => {
    const existing = await createKey(api, 'nl-01', {
      name: uniqueName('Dup Key'),
      keyType: 'aes256-gcm96',
    });
    const w = wizard(page);
    await signIn(page);
    await w.open();
    await w.next('Details');
    // Same slug, different spelling.
    await w.name().fill(existing.name.toUpperCase().replace(/-/g, ' '));
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: `A key with the slug “${existing.slug}” already exists` }),
    ).toBeVisible();
  });
});

test('every step and the export gate pass axe (WCAG 2.1 A/AA), light and dark', async ({
  page,
}) => {
  test.setTimeout(180_000); // axe scans every step in both themes
  /** Both themes: contrast differs between them. Any violation fails. */
  const check = (what: string, include = 'main') => audit(page, what, { include, failOn: 'any' });
  const w = wizard(page);
  await signIn(page);
  await w.open();
  await check('type');
  await w.chooseOrigin('imported');
  await check('type, imported');
  await w.next('Details');
  await w.name().fill(uniqueName('axe'));
  await page.getByRole('button', { name: 'Add label' }).click();
  await page.getByLabel('Label 1 key').fill('-bad');
  await check('details');
  await page.getByLabel('Label 1 key').fill('good');
  await w.next('Rotation');
  await page.getByRole('switch', { name: 'Allow rotation of this imported key' }).click();
  await w.rotationSwitch().click();
  await check('rotation');
  await w.period().fill('90');
  await w.next('Export');
  await w.exportSwitch().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await check('export gate', '[role="dialog"]');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await w.next('Key material');
  await expect(page.getByTestId('wrapping-algorithm')).toBeVisible({ timeout: 30_000 });
  await check('material');
  await page
    .getByRole('navigation', { name: 'Wizard steps' })
    .getByRole('button', { name: /Origin and type/ })
    .click();
  await w.chooseOrigin('generated');
  await w.next('Details');
  await w.toReviewFromDetails();
  await check('review');
});

test('from the key list and back: the new key is listed at once, from the cache', async ({
  page,
}) => {
  const w = wizard(page);
  await signIn(page);
  await page.goto('/regions/nl-02/keys');
  await page.getByRole('link', { name: 'Create key' }).first().click();
  await expect(w.heading('Origin and type')).toBeVisible();
  await w.next('Details');
  const name = uniqueName('listed at once');
  await w.name().fill(name);
  await w.toReviewFromDetails();
  await w.create('nl-02');
  await expect(page.getByText(`Key “${name}” created`).first()).toBeVisible();

  // Hold every list request: whatever the list shows now comes from the cache.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname === '/v1/kms/nl-02/keys',
    async (route) => {
      if (route.request().method() !== 'GET') return route.fallback();
      await held;
      return route.fallback();
    },
  );
  await page
    .getByRole('navigation', { name: 'Breadcrumb' })
    .getByRole('link', { name: 'nl-02 keys' })
    .click();
  await expect(page).toHaveURL(/\/regions\/nl-02\/keys(\?|$)/);
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  release();
});
