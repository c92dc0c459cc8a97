import type { Page } from '@playwright/test';
import { audit } from './axe-audit';
import { createKey, expect, signIn, test, uniqueName } from './fixtures';

/*
 * The command palette (Ctrl+K, or the header's search button) finds a key in any KMS region and
 * in each scope the session has used, by name, slug, identity or label, and runs commands.
 */

const PROJECT = 'proj-web';
// Several pages and the palette's first load per test: more than the default on a busy machine.
test.setTimeout(90_000);

function palette(page: Page) {
  return page.getByRole('dialog', { name: 'Search keys and commands' });
}

async function openWithShortcut(page: Page) {
  await page.keyboard.press('Control+k');
  await expect(palette(page)).toBeVisible();
  return palette(page).getByRole('combobox', { name: 'Search keys and commands' });
}

test('finds a key in another region by slug and a project key by label, and opens each', async ({
  page,
  api,
}) => {
  const team = uniqueName('team').toLowerCase().slice(0, 40);
  const orgKey = await createKey(api, 'nl-02', {
    name: uniqueName('Palette org key'),
    keyType: 'aes256-gcm96',
  });
  const projectKey = await createKey(
    api,
    'nl-01',
    { name: uniqueName('Palette project key'), keyType: 'ed25519', labels: { team } },
    { project: PROJECT },
  );

  // The session uses the project once (it is remembered), then works in organisation scope.
  await signIn(page, { project: PROJECT });
  await expect(page.getByRole('heading', { level: 1, name: 'Regions' })).toBeVisible();
  await page.goto('/regions/nl-01/keys');
  await expect(page.getByRole('heading', { level: 1, name: 'Keys' })).toBeVisible();

  // By slug, in nl-02 (organisation scope), while the page shows nl-01.
  let field = await openWithShortcut(page);
  await expect(field).toBeFocused();
  await field.fill(orgKey.slug);
  const orgGroup = palette(page).getByRole('group', {
    name: 'Netherlands 02 (nl-02) · organisation scope',
  });
  const orgOption = orgGroup.getByRole('option', { name: new RegExp(orgKey.name) });
  await expect(orgOption).toBeVisible();
  await expect(orgOption).toHaveAttribute('aria-selected', 'true');
  await expect(field).toHaveAttribute(
    'aria-activedescendant',
    (await orgOption.getAttribute('id'))!,
  );
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/regions/nl-02/keys/${orgKey.identity}$`));
  await expect(page.getByRole('heading', { level: 1, name: orgKey.name })).toBeVisible();
  await expect(palette(page)).toBeHidden();

  // By label, in the project, from the header's button.
  await page.getByRole('button', { name: 'Search keys and commands' }).click();
  field = palette(page).getByRole('combobox');
  await field.fill(`team=${team}`);
  const projectGroup = palette(page).getByRole('group', {
    name: `Netherlands 01 (nl-01) · project ${PROJECT}`,
  });
  const projectOption = projectGroup.getByRole('option', { name: new RegExp(projectKey.name) });
  await expect(projectOption).toBeVisible();
  await audit(page, 'palette with results');
  await projectOption.click();
  await expect(page).toHaveURL(
    new RegExp(`/regions/nl-01/keys/${projectKey.identity}\\?project=${PROJECT}$`),
  );
  await expect(page.getByRole('heading', { level: 1, name: projectKey.name })).toBeVisible();
});

test('keyboard: arrows move the active option, Enter runs a command, Escape gives focus back', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/regions/nl-01/keys');
  const search = page.getByRole('banner').getByRole('link', { name: 'Audit log' });
  await search.focus();

  const field = await openWithShortcut(page);
  await field.fill('go to');
  // Every option, keys and commands alike: keys of other specs may match "go to" too (the
  // emulator is shared), and they come first.
  const options = palette(page).getByRole('listbox').getByRole('option');
  // Every list has answered, so no option arrives between two key presses.
  await expect(palette(page).getByText(/Searching…/)).toHaveCount(0, { timeout: 30_000 });
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  // Up from the first wraps to the last.
  await expect(options.last()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.press('Escape');
  await expect(palette(page)).toBeHidden();
  await expect(search).toBeFocused();

  await openWithShortcut(page);
  await page.keyboard.type('audit log');
  await expect(palette(page).getByRole('option', { name: 'Go to audit log' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/audit/);
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();

  await openWithShortcut(page);
  await page.keyboard.type('create key nl-02');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/regions\/nl-02\/keys\/new/);

  await openWithShortcut(page);
  await page.keyboard.type('no such key or command zzzz');
  await expect(palette(page).getByRole('status')).toContainText('Nothing matches');
});
