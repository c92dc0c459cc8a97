import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { keySchema } from '../src/contract';
import { createKey, E2E_ORG, E2E_TOKEN, expect, test, uniqueName } from './fixtures';

/**
 * The console without a mouse: only the keyboard (Tab, Shift+Tab, Enter, Space, arrows,
 * Escape) moves focus and acts. Along the way, focus must be visible and dialogs must give
 * focus back to what opened them.
 */

const REGION = 'nl-01';

/** Presses Tab (Shift+Tab with `back`) until `target` has focus; fails if it never does. */
async function tabTo(page: Page, target: Locator, { back = false, max = 60 } = {}) {
  await expect(target).toBeVisible();
  for (let i = 0; i <= max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(
    `${String(target)} did not take focus after ${max} × ${back ? 'Shift+Tab' : 'Tab'}`,
  );
}

/** The focused element shows a focus indicator: :focus-visible and a drawn outline. */
async function expectVisibleFocus(page: Page, what: string) {
  const focus = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
      tag: el.tagName,
      isFocusVisible: el.matches(':focus-visible'),
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth),
    };
  });
  expect(focus, `${what}: something has focus`).not.toBeNull();
  expect(focus?.isFocusVisible, `${what}: :focus-visible`).toBe(true);
  expect(focus?.outlineStyle, `${what}: outline style`).not.toBe('none');
  expect(focus?.outlineWidth, `${what}: outline width`).toBeGreaterThan(0);
}

/**
 * For a "stretched link" card that draws the ring itself (the link's own outline is off): the
 * card holds the focus and its box-shadow is drawn in the --focus-ring colour.
 */
async function expectFocusRingOn(card: Locator, what: string) {
  // Polled: the ring fades in (a short box-shadow transition).
  const ring = () =>
    card.evaluate((el) => {
      const probe = document.createElement('span');
      probe.style.color = getComputedStyle(document.documentElement).getPropertyValue(
        '--focus-ring',
      );
      document.body.append(probe);
      const colour = getComputedStyle(probe).color;
      probe.remove();
      return {
        hasFocus: el.contains(document.activeElement),
        isFocusVisible: document.activeElement?.matches(':focus-visible') ?? false,
        hasRing: getComputedStyle(el).boxShadow.includes(colour),
      };
    });
  await expect
    .poll(ring, { message: what })
    .toEqual({ hasFocus: true, isFocusVisible: true, hasRing: true });
}

/** Holds the key down until `done` holds, like a person: Radix acts just after keydown. */
async function hold(page: Page, key: string, done: () => Promise<void>) {
  await page.keyboard.down(key);
  await done();
  await page.keyboard.up(key);
}

async function keyStatus(api: APIRequestContext, identity: string) {
  const res = await api.get(`/v1/kms/${REGION}/keys/${identity}`);
  expect(res.ok()).toBe(true);
  return keySchema.parse(await res.json());
}

test('keyboard only: sign in, find a key, create one, rotate it, schedule and cancel deletion', async ({
  page,
  api,
}) => {
  test.setTimeout(120_000);
  const existing = await createKey(api, REGION, {
    name: uniqueName('Keyboard find'),
    keyType: 'aes256-gcm96',
  });
  const newName = uniqueName('Keyboard made');

  await test.step('sign in through the form', async () => {
    await page.goto('/sign-in');
    const org = page.getByLabel('Organisation', { exact: true });
    await tabTo(page, org);
    await expectVisibleFocus(page, 'organisation field');
    await page.keyboard.type(E2E_ORG);
    await tabTo(page, page.getByLabel('API token', { exact: true }));
    await expectVisibleFocus(page, 'token field');
    await page.keyboard.type(E2E_TOKEN);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/regions$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Regions' })).toBeVisible();
  });

  await test.step('skip link, theme menu returns focus', async () => {
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expectVisibleFocus(page, 'skip link');
    const theme = page.getByRole('button', { name: /^Theme:/ });
    await tabTo(page, theme);
    await expectVisibleFocus(page, 'theme button');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menuitemradio').first()).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toBeHidden();
    await expect(theme).toBeFocused();
    // Back to the top, then past the header with the skip link.
    await tabTo(page, skip, { back: true });
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });

  await test.step('find a key with the list search and open it with Enter', async () => {
    const card = page.getByRole('list', { name: 'Regions' }).getByRole('article', {
      name: 'Netherlands 01',
    });
    await tabTo(page, card.getByRole('link', { name: 'Netherlands 01' }));
    await expectFocusRingOn(card, 'region card');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/regions/${REGION}/keys$`));
    const search = page.getByRole('searchbox', { name: /Search keys/ });
    await tabTo(page, search);
    await expectVisibleFocus(page, 'search box');
    await page.keyboard.type(existing.slug);
    const table = page.getByRole('table', { name: `Keys in ${REGION}` });
    await expect(table.locator('tbody tr:not([aria-hidden])')).toHaveCount(1);
    const link = table.getByRole('link', { name: existing.name, exact: true });
    await tabTo(page, link);
    await expectVisibleFocus(page, 'key row link');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/regions/${REGION}/keys/${existing.identity}$`));
    await expect(page.getByRole('heading', { level: 1, name: existing.name })).toBeVisible();
  });

  let identity = '';
  await test.step('create a key through the wizard', async () => {
    const crumb = page
      .getByRole('navigation', { name: 'Breadcrumb' })
      .getByRole('link', { name: `${REGION} keys` });
    await tabTo(page, crumb, { back: true });
    await page.keyboard.press('Enter');
    // The breadcrumb returns to the list as it was left: the search is still there.
    await expect(page).toHaveURL(new RegExp(`/regions/${REGION}/keys\\?q=${existing.slug}$`));
    await expect(page.getByRole('searchbox', { name: /Search keys/ })).toHaveValue(existing.slug);
    const create = page.getByRole('link', { name: 'Create key' });
    await tabTo(page, create);
    await expectVisibleFocus(page, 'Create key link');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Origin and type' })).toBeVisible();

    // Type: arrows move the choice inside the key type group.
    const aes = page.getByRole('radio', { name: 'AES-256-GCM', exact: true });
    await tabTo(page, aes);
    await expectVisibleFocus(page, 'key type radio');
    const chacha = page.getByRole('radio', { name: 'ChaCha20-Poly1305', exact: true });
    await hold(page, 'ArrowRight', async () => {
      await expect(chacha).toBeFocused();
      await expect(chacha).toBeChecked();
    });
    const next = page.getByRole('button', { name: /^Next/ });
    await tabTo(page, next);
    await expectVisibleFocus(page, 'Next button');
    await page.keyboard.press('Enter');

    // Details: the step heading takes focus; Enter in the name field goes on.
    await expect(page.getByRole('heading', { name: 'Details', exact: true })).toBeFocused();
    await tabTo(page, page.getByLabel(/^Name/));
    await page.keyboard.type(newName);
    await page.keyboard.press('Enter');
    for (const step of ['Rotation', 'Export', 'Review and create']) {
      await expect(page.getByRole('heading', { name: step, exact: true })).toBeFocused();
      if (step === 'Review and create') break;
      await tabTo(page, next);
      await page.keyboard.press('Space');
    }
    const submit = page.getByRole('button', { name: 'Create key' });
    await tabTo(page, submit);
    await expectVisibleFocus(page, 'Create key button');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: newName })).toBeVisible({
      timeout: 20_000,
    });
    const match = /\/keys\/(kms-[a-z0-9]+)/.exec(page.url());
    identity = match?.[1] ?? '';
    expect(identity).not.toBe('');
    const created = await keyStatus(api, identity);
    expect(created.keyType).toBe('chacha20-poly1305');
    expect(created.name).toBe(newName);
  });

  const actions = page.getByRole('group', { name: 'Key actions' });

  await test.step('rotate it; the dialog returns focus to its trigger', async () => {
    const rotate = actions.getByRole('button', { name: 'Rotate now' });
    await tabTo(page, rotate);
    await expectVisibleFocus(page, 'Rotate now');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: /Rotate .* now\?/ });
    await expect(dialog).toBeVisible();
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    const confirm = dialog.getByRole('button', { name: 'Create version 2' });
    await tabTo(page, confirm);
    await expectVisibleFocus(page, 'Create version 2');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(rotate).toBeFocused();
    await expectVisibleFocus(page, 'Rotate now, after the dialog');
    expect((await keyStatus(api, identity)).latestVersion).toBe(2);
  });

  await test.step('schedule deletion (Escape first), then cancel it', async () => {
    const key = await keyStatus(api, identity);
    const schedule = actions.getByRole('button', { name: 'Schedule deletion', exact: true });
    await tabTo(page, schedule);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: /Schedule deletion of/ });
    await expect(dialog).toBeVisible();
    // Escape closes without acting and gives focus back.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(schedule).toBeFocused();
    await expectVisibleFocus(page, 'Schedule deletion, after Escape');

    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await tabTo(page, dialog.getByRole('textbox'));
    await expectVisibleFocus(page, 'confirmation field');
    await page.keyboard.type(`${REGION}/${key.slug}`);
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByText(/Scheduled for deletion/)).toBeVisible();
    expect((await keyStatus(api, identity)).status).toBe('pending_deletion');
    // Its trigger is gone: focus goes to the action that replaced it.
    const cancel = actions.getByRole('button', { name: 'Cancel deletion' });
    await expect(cancel).toBeFocused();
    await expectVisibleFocus(page, 'Cancel deletion');

    await page.keyboard.press('Enter');
    const cancelDialog = page.getByRole('dialog', { name: /Cancel deletion of/ });
    await expect(cancelDialog).toBeVisible();
    await tabTo(page, cancelDialog.getByRole('button', { name: 'Cancel deletion', exact: true }));
    await page.keyboard.press('Space');
    await expect(cancelDialog).toBeHidden();
    await expect(page.getByText(/Scheduled for deletion/)).toBeHidden();
    expect((await keyStatus(api, identity)).status).toBe('active');
    // Again the action that took the trigger's place.
    await expect(schedule).toBeFocused();
    await expectVisibleFocus(page, 'Schedule deletion, after cancelling');
  });
});
