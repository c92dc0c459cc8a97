import type { Page } from '@playwright/test';
import { audit } from './axe-audit';
import { wizard } from './create-key-wizard';
import { createKey, expect, signIn, test, uniqueName, type CreateKeyBody } from './fixtures';
import {
  expectDialogFits,
  expectHeaderControlsApart,
  expectNoSideScroll,
  LAPTOP,
  PHONE,
  TABLET,
} from './narrow-support';

/**
 * The console on narrow screens: at 390x844 every page, key-page tab, crypto tool, dialog and
 * wizard step fits the viewport (the page never scrolls sideways), and the header's controls
 * never overlap (also at 768 and 1024 px); the axe audit runs at 390 px, light and dark.
 */
const REGION = 'nl-01';
const TABS = {
  overview: 'Overview',
  versions: 'Versions',
  rotation: 'Rotation',
  'public-key': 'Public key',
  crypto: 'Crypto',
  api: 'API',
} as const;

test.describe.configure({ timeout: 180_000 });
test.use({ viewport: PHONE });

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

async function keyOf(api: Parameters<typeof createKey>[0], body: CreateKeyBody) {
  return createKey(api, REGION, body);
}

test('sign-in and not-found fit a phone', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expectNoSideScroll(page, 'sign-in');
  await audit(page, 'sign-in at 390 px');
  await signIn(page);
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expectNoSideScroll(page, 'not found');
});

test('the header collapses into a labelled, keyboard-usable menu on a phone', async ({ page }) => {
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys`);
  await expect(h1(page, 'Keys')).toBeVisible();
  const names = await expectHeaderControlsApart(page, 'phone header');
  expect(names).toEqual(['Thalassa KMS: regions overview', 'Search keys and commands', 'Menu']);

  const menuButton = page.getByRole('button', { name: 'Menu', exact: true });
  await menuButton.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('dialog', { name: 'Menu' });
  await expectDialogFits(page, menu, 'header menu');
  await expect(menu.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText([
    'Keys',
    'Audit log',
    'Calendar',
  ]);
  await expect(menu.getByRole('button', { name: /Change scope/ })).toBeVisible();
  await expect(menu.getByRole('button', { name: /Region: nl-01/ })).toBeVisible();
  await expect(menu.getByRole('button', { name: /^Theme:/ })).toBeVisible();
  await expect(menu.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await audit(page, 'header menu at 390 px');

  // The scope popover and the region menu open over the sheet and fit the phone.
  await menu.getByRole('button', { name: /Change scope/ }).click();
  await expectDialogFits(page, page.getByRole('dialog', { name: 'Scope' }), 'scope popover');
  await page.keyboard.press('Escape');
  await expect(menu).toBeVisible();
  await menu.getByRole('button', { name: /Region: nl-01/ }).click();
  await expectDialogFits(page, page.getByRole('menu'), 'region menu');
  // Choosing a region navigates and closes the menu.
  await page.getByRole('menuitemradio', { name: /nl-02/ }).click();
  await expect(page).toHaveURL(/\/regions\/nl-02\/keys/);
  await expect(menu).toBeHidden();

  // Escape closes it and gives focus back to the Menu button.
  await menuButton.click();
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(menuButton).toBeFocused();
});

for (const viewport of [TABLET, LAPTOP]) {
  test(`header and pages at ${viewport.width} px: nothing overlaps or scrolls sideways`, async ({
    page,
    api,
  }) => {
    await page.setViewportSize(viewport);
    const key = await keyOf(api, { name: uniqueName('Narrow width'), keyType: 'aes256-gcm96' });
    // A long project name in the scope switcher, the widest thing the header holds.
    await signIn(page, { project: 'a-project-with-a-rather-long-identity-for-the-header' });
    await page.goto('/regions');
    await expect(h1(page, 'Regions')).toBeVisible();
    await expectHeaderControlsApart(page, `regions, long project, ${viewport.width} px`);
    await signIn(page);
    const pages: [string, string | RegExp][] = [
      ['/regions', 'Regions'],
      [`/regions/${REGION}/keys`, 'Keys'],
      [`/regions/${REGION}/keys/${key.identity}`, key.name],
      [`/regions/${REGION}/keys/${key.identity}/versions`, key.name],
      [`/regions/${REGION}/keys/new`, 'Create a key'],
      ['/calendar', 'Calendar'],
    ];
    for (const [path, title] of pages) {
      await page.goto(path);
      await expect(h1(page, title)).toBeVisible();
      await expectHeaderControlsApart(page, `${path} at ${viewport.width} px`);
      await expectNoSideScroll(page, `${path} at ${viewport.width} px`);
    }
  });
}

test('every key-page tab, crypto tool and key dialog fits a phone', async ({ page, api }) => {
  const keys = [
    await keyOf(api, {
      name: uniqueName('Phone AES key with a long name for a small screen'),
      keyType: 'aes256-gcm96',
      exportAllowed: true,
      labels: { team: 'mobile', env: 'production' },
      keyRotationEnabled: true,
      rotationPeriodInDays: 30,
    }),
    await keyOf(api, { name: uniqueName('Phone signing'), keyType: 'ecdsa-p256' }),
    await keyOf(api, { name: uniqueName('Phone HMAC'), keyType: 'hmac-sha256' }),
  ];
  await signIn(page);
  for (const key of keys) {
    // One load per key; the tabs are opened as a person does, through the tab row.
    await page.goto(`/regions/${REGION}/keys/${key.identity}`);
    await expect(h1(page, key.name)).toBeVisible();
    for (const [tab, label] of Object.entries(TABS)) {
      if (tab === 'public-key' && key.keyType !== 'ecdsa-p256') continue;
      await page.getByRole('tab', { name: label, exact: true }).click();
      const suffix = tab === 'overview' ? '' : `/${tab}`;
      await expect(page).toHaveURL(new RegExp(`/keys/${key.identity}${suffix}(\\?|$)`));
      await expect(page.getByRole('tab', { selected: true })).toHaveAccessibleName(label);
      await expectNoSideScroll(page, `${key.keyType} ${tab} tab`);
      if (tab !== 'crypto') continue;
      const ops = page.getByRole('navigation', { name: 'Crypto operation' }).getByRole('link');
      for (const op of await ops.allInnerTexts()) {
        await ops.getByText(op, { exact: true }).click();
        await expect(page.getByRole('heading', { level: 3, name: op })).toBeVisible();
        await expectNoSideScroll(page, `${key.keyType} crypto: ${op}`);
      }
    }
  }

  const [aes] = keys;
  await page.goto(`/regions/${REGION}/keys/${aes!.identity}`);
  await expect(h1(page, aes!.name)).toBeVisible();
  await audit(page, 'key page at 390 px');
  const dialogs: [string, RegExp][] = [
    ['Rotate now', /Rotate .* now\?/],
    ['Disable', /Disable .*\?/],
    ['Schedule deletion', /Schedule deletion of/],
    ['Export', /Export key material/],
  ];
  for (const [trigger, name] of dialogs) {
    await page.getByRole('button', { name: trigger, exact: true }).click();
    await expectDialogFits(page, page.getByRole('dialog', { name }), `${trigger} dialog`);
    if (trigger === 'Schedule deletion') await audit(page, 'schedule deletion dialog at 390 px');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
  }
});

test('regions, key list and every wizard step fit a phone', async ({ page, api }) => {
  await keyOf(api, { name: uniqueName('Phone list'), keyType: 'aes256-gcm96' });
  await signIn(page);
  await expect(h1(page, 'Regions')).toBeVisible();
  await expectNoSideScroll(page, 'regions');
  await audit(page, 'regions at 390 px');

  await page.goto(`/regions/${REGION}/keys`);
  await expect(page.getByRole('table', { name: `Keys in ${REGION}` })).toBeVisible();
  await expectNoSideScroll(page, 'key list');
  await audit(page, 'key list at 390 px');
  await page.getByRole('button', { name: 'Filter by status' }).click();
  await expectDialogFits(page, page.getByRole('menu'), 'status filter menu');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Exact lookup' }).click();
  await expect(page.getByLabel('Labels')).toBeVisible();
  await expectNoSideScroll(page, 'exact lookup form');

  await page.goto('/regions/de-01/keys');
  await expect(page.getByRole('heading', { name: /not available in de-01/ })).toBeVisible();
  await expectNoSideScroll(page, 'unavailable region');

  const w = wizard(page);
  await w.open();
  await expectNoSideScroll(page, 'wizard: origin and type');
  await expect(page.getByText('Step 1 of 5')).toBeVisible();
  await audit(page, 'wizard step 1 at 390 px');
  await w.next('Details');
  await expect(page.getByText('Step 2 of 5')).toBeVisible();
  await w.name().fill(uniqueName('Phone wizard'));
  await expectNoSideScroll(page, 'wizard: details');
  await audit(page, 'wizard step 2 at 390 px', { schemes: ['dark'] });
  await w.next('Rotation');
  await expectNoSideScroll(page, 'wizard: rotation');
  await w.next('Export');
  await expectNoSideScroll(page, 'wizard: export');
  await w.exportSwitch().click();
  const gate = page.getByRole('dialog', { name: /Allow export/ });
  await expectDialogFits(page, gate, 'export gate');
  await page.keyboard.press('Escape');
  await expect(gate).toBeHidden();
  await w.next('Review and create');
  await expectNoSideScroll(page, 'wizard: review');
  // The step row: earlier steps stay reachable by their names.
  await page.getByRole('navigation', { name: 'Wizard steps' }).getByRole('button').first().click();
  await expect(w.heading('Origin and type')).toBeVisible();
});

test('a big key list has one scroll container, on a laptop and on a phone', async ({
  page,
  api,
}) => {
  const prefix = uniqueName('one-scroller');
  const seeded = await api.post('/_emulator/seed-keys', {
    data: { region: REGION, count: 300, namePrefix: prefix, project: 'proj-ci' },
  });
  expect(seeded.status(), await seeded.text()).toBe(200);
  await signIn(page, { project: 'proj-ci' });
  for (const viewport of [{ width: 1440, height: 900 }, PHONE]) {
    await page.setViewportSize(viewport);
    await page.goto(`/regions/${REGION}/keys?project=proj-ci&q=${prefix}`);
    const table = page.getByRole('table', { name: `Keys in ${REGION}` });
    // The first load of 300 keys shares the emulator with the 10,000-key specs: allow it time.
    await expect(table).toHaveAttribute('aria-rowcount', '301', { timeout: 30_000 });
    // The page itself does not scroll: only the list does.
    const page_ = await page.evaluate(() => ({
      scrollHeight: document.scrollingElement?.scrollHeight ?? 0,
      innerHeight: window.innerHeight,
    }));
    expect(page_.scrollHeight, `page height at ${viewport.width} px`).toBeLessThanOrEqual(
      page_.innerHeight,
    );
    const scroller = page.getByTestId('key-table-scroller');
    await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(page.getByRole('link', { name: `${prefix}-00300`, exact: true })).toBeVisible();
    await expectNoSideScroll(page, `big list at ${viewport.width} px`);
  }
});
