import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { keySchema, type Key } from '../src/contract';
import { createKey, E2E_TOKEN, expect, signIn, test, uniqueName } from './fixtures';

/**
 * The key list's row menu, used from the keyboard only: Shift+F10 or the menu key on a focused
 * row opens it, arrows choose, Enter runs; each lifecycle action opens the key page's dialog
 * (typed confirmation included) and the API shows the result.
 */
const REGION = 'nl-01';

test.setTimeout(120_000);

async function getKey(api: APIRequestContext, id: string): Promise<Key> {
  const res = await api.get(`/v1/kms/${REGION}/keys/${id}`);
  expect(res.status()).toBe(200);
  return keySchema.parse(await res.json());
}

/** Moves focus with a key until `target` has it (bounded). */
async function pressUntilFocused(page: Page, key: string, target: Locator, max = 15) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

test('every row action from the keyboard', async ({ page, api }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const name = uniqueName('row-kb');
  const key = await createKey(api, REGION, { name, keyType: 'aes256-gcm96' });
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys?q=${encodeURIComponent(name)}`);
  const link = page.getByRole('link', { name, exact: true });
  await expect(link).toBeVisible({ timeout: 30_000 });
  const menuButton = page.getByRole('button', { name: `Actions for ${name}` });

  /** Opens the row's menu from the keyboard and runs one item with Enter. */
  const choose = async (item: string | RegExp, opener: 'Shift+F10' | 'ContextMenu') => {
    await link.focus();
    await page.keyboard.press(opener);
    const menu = page.getByRole('menu', { name: `Actions for ${name}` });
    await expect(menu).toBeVisible();
    await pressUntilFocused(
      page,
      'ArrowDown',
      menu.getByRole('menuitem', { name: item, exact: true }),
    );
    await page.keyboard.press('Enter');
    await expect(menu).toBeHidden();
  };
  /** Tabs to the dialog's confirm button and presses Enter. */
  const confirm = async (title: string, button: string) => {
    const dialog = page.getByRole('dialog', { name: title });
    await expect(dialog).toBeVisible();
    await pressUntilFocused(page, 'Tab', dialog.getByRole('button', { name: button, exact: true }));
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
  };

  await choose('Rotate now', 'Shift+F10');
  await confirm(`Rotate ${name} now?`, 'Create version 2');
  await expect.poll(async () => (await getKey(api, key.identity)).latestVersion).toBe(2);
  // Focus comes back to the row, so the next action is one keystroke away.
  await expect(menuButton).toBeFocused();

  await choose('Disable', 'ContextMenu');
  await confirm(`Disable ${name}?`, 'Disable key');
  await expect.poll(async () => (await getKey(api, key.identity)).status).toBe('disabled');

  await choose('Enable', 'Shift+F10');
  await confirm(`Enable ${name}?`, 'Enable key');
  await expect.poll(async () => (await getKey(api, key.identity)).status).toBe('active');

  // Schedule deletion: the key page's typed region/slug.
  await choose('Schedule deletion', 'ContextMenu');
  const deletion = page.getByRole('dialog', { name: `Schedule deletion of ${name}?` });
  const typed = deletion.getByRole('textbox', { name: /to confirm/ });
  await pressUntilFocused(page, 'Tab', typed);
  await page.keyboard.type(`${REGION}/${key.slug}`);
  await page.keyboard.press('Enter');
  await expect(deletion).toBeHidden();
  await expect.poll(async () => (await getKey(api, key.identity)).status).toBe('pending_deletion');

  // Cancel deletion straight from the pending row (its countdown is shown).
  const row = page.locator(`tr[data-key-row="${key.identity}"]`);
  await expect(row).toContainText(/Deleted in \d+ days/);
  await choose('Cancel deletion', 'Shift+F10');
  await confirm(`Cancel deletion of ${name}?`, 'Cancel deletion');
  await expect.poll(async () => (await getKey(api, key.identity)).status).toBe('active');

  // Copies: identity, slug, and a curl command with placeholders, never the token.
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  await choose('Copy identity', 'ContextMenu');
  await expect.poll(clipboard).toBe(key.identity);
  await choose('Copy slug', 'Shift+F10');
  await expect.poll(clipboard).toBe(key.slug);
  await choose(/Copy curl command/, 'ContextMenu');
  await expect.poll(clipboard).toContain(`/v1/kms/${REGION}/keys/${key.identity}'`);
  const curl = await clipboard();
  expect(curl).toContain('Authorization: Bearer $TOKEN');
  expect(curl).not.toContain(E2E_TOKEN);

  await choose('Open crypto tools', 'Shift+F10');
  await expect(page).toHaveURL(new RegExp(`/regions/${REGION}/keys/${key.identity}/crypto`));
});

test('a disabled action says why; a row menu chosen with the mouse never opens the key', async ({
  page,
  api,
}) => {
  const name = uniqueName('row-mouse');
  await createKey(api, REGION, { name, keyType: 'aes256-gcm96' });
  const res = await api.get(`/v1/kms/${REGION}/keys?name=${encodeURIComponent(name)}`);
  const [key] = (await res.json()) as { identity: string }[];
  expect(key).toBeDefined();
  await api.post(`/v1/kms/${REGION}/keys/${key!.identity}/disable`);
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys?q=${encodeURIComponent(name)}`);
  await page.getByRole('button', { name: `Actions for ${name}` }).click({ timeout: 30_000 });
  const menu = page.getByRole('menu', { name: `Actions for ${name}` });
  const rotate = menu.getByRole('menuitem', { name: /Rotate now/ });
  await expect(rotate).toHaveAttribute('data-disabled', '');
  await expect(rotate).toContainText('The key is disabled: enable it before rotating.');
  await menu.getByRole('menuitem', { name: 'Enable', exact: true }).click();
  await expect(page.getByRole('dialog', { name: `Enable ${name}?` })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/regions/${REGION}/keys\\?`));
});
