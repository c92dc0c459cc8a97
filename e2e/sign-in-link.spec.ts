import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { E2E_ORG, E2E_TOKEN, expect, issueSignInCode, signIn, signInLink, test } from './fixtures';

/** One-time sign-in links (`#code=…`): what `npm start` prints instead of the token. */

const storage = (page: Page, kind: 'localStorage' | 'sessionStorage') =>
  page.evaluate((k) => JSON.stringify({ ...window[k] }), kind);

const scopeButton = (page: Page, org: string) =>
  page.getByRole('button', { name: new RegExp(`Organisation ${org}`) });

test('a code signs in once; the same link again is refused and signs nobody in', async ({
  page,
  browser,
}) => {
  const { code } = await issueSignInCode(page.request);
  await page.goto(signInLink(code, { project: 'proj-web' }));
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page).toHaveURL(/\/regions\?project=proj-web$/);
  expect(page.url()).not.toContain(code);
  expect(await storage(page, 'sessionStorage')).toContain(E2E_TOKEN);

  // Someone else (another browser profile) opens the same link afterwards.
  const other = await browser.newContext();
  try {
    const second = await other.newPage();
    await second.goto(signInLink(code));
    await expect(second).toHaveURL(/\/sign-in/);
    await expect(second.getByRole('alert')).toContainText('was already used');
    expect(second.url()).not.toContain(code);
    expect(await storage(second, 'sessionStorage')).not.toContain(E2E_TOKEN);
    // The form is still there to sign in with the token.
    await expect(second.getByLabel('API token')).toBeVisible();
  } finally {
    await other.close();
  }
});

test('an expired code is refused with a message that says so', async ({ page }) => {
  const { code, expiresAt } = await issueSignInCode(page.request, { expiresInSeconds: 1 });
  // Bounded wait until the code's lifetime has passed (server and test share this machine's clock).
  await expect
    .poll(() => Date.now() > Date.parse(expiresAt) + 50, { timeout: 5_000, intervals: [100] })
    .toBe(true);
  await page.goto(signInLink(code));
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole('alert')).toContainText('This sign-in code expired');
  await expect(page.getByText(/Your session ended/)).toHaveCount(0);
  expect(await storage(page, 'sessionStorage')).not.toContain(E2E_TOKEN);
});

test('a link never replaces a session silently: declining keeps it, confirming switches', async ({
  page,
  baseURL,
}) => {
  await signIn(page);
  await expect(scopeButton(page, E2E_ORG)).toBeVisible();

  const first = await issueSignInCode(page.request, { organisation: 'org-nokms' });
  await page.goto(signInLink(first.code));
  const dialog = page.getByRole('dialog', { name: 'Switch to another session?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`Switch toorganisation org-nokms on ${baseURL}`);
  await expect(dialog).toContainText(`Signed in noworganisation ${E2E_ORG} on ${baseURL}`);
  expect(page.url()).not.toContain(first.code);
  await dialog.getByRole('button', { name: 'Keep current session' }).click();
  await expect(dialog).toBeHidden();
  await expect(scopeButton(page, E2E_ORG)).toBeVisible();
  await page.reload();
  await expect(scopeButton(page, E2E_ORG)).toBeVisible();

  const second = await issueSignInCode(page.request, { organisation: 'org-nokms' });
  await page.goto(signInLink(second.code));
  await dialog.getByRole('button', { name: 'Switch session' }).click();
  await expect(dialog).toBeHidden();
  await expect(scopeButton(page, 'org-nokms')).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'KMS is not enabled for this organisation' }),
  ).toBeVisible();
});

test('a legacy #token link is stripped and ignored, signed out or in', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (req) => requests.push(req.url()));
  await page.goto(`/#${new URLSearchParams({ token: E2E_TOKEN, org: E2E_ORG })}`);
  await expect(page).toHaveURL(/\/sign-in/);
  expect(page.url()).not.toContain(E2E_TOKEN);
  await expect(page.getByRole('status').filter({ hasText: 'no longer carry' })).toBeVisible();
  expect(await storage(page, 'sessionStorage')).not.toContain(E2E_TOKEN);

  // Signed in, a crafted link pointing the console at another API changes nothing.
  await signIn(page);
  const hostile = new URLSearchParams({
    token: 'attacker-token',
    org: 'org-evil',
    baseUrl: 'http://evil.example',
  });
  // Opened as a page, then into the open page (only the fragment changes: no reload).
  const notice = page.getByText(/no longer carry/);
  for (const sameDocument of [false, true]) {
    if (sameDocument) {
      await expect(notice).toHaveCount(0);
      await page.evaluate(() => Reflect.set(window, '__samePage', true));
    }
    await page.goto(`/regions/nl-01/keys#${hostile}`);
    await expect(notice.first()).toBeVisible();
    await expect(page).toHaveURL(/\/regions\/nl-01\/keys$/);
    await expect(scopeButton(page, E2E_ORG)).toBeVisible();
    expect(await page.evaluate(() => Reflect.get(window, '__samePage') === true)).toBe(
      sameDocument,
    );
    const session = await storage(page, 'sessionStorage');
    expect(session).toContain(E2E_TOKEN);
    expect(session).not.toContain('attacker-token');
  }
  expect(requests.filter((url) => url.includes('evil.example'))).toEqual([]);
});

/** Starts `npm start` as a person would (its own data folder, generated token), output kept. */
function startServer(dataDir: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/main.ts', '--port', '0', '--data-dir', dataDir],
    {
      cwd: path.resolve(import.meta.dirname, '..'),
      env: { ...process.env, KMS_EMULATOR_TOKEN: '', PORT: '', HOST: '' },
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  return {
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

test('the link npm start prints signs in, and its output never holds the token', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kms-e2e-link-'));
  const server = startServer(dataDir);
  let token: string | undefined;
  try {
    await expect
      .poll(() => server.output(), { timeout: 60_000, intervals: [200] })
      .toContain('Press Ctrl+C to stop.');
    const link = /(http:\/\/127\.0\.0\.1:\d+\/#code=[A-Za-z0-9_-]{22,})\s/.exec(server.output());
    expect(link, server.output()).not.toBeNull();
    token = readFileSync(path.join(dataDir, 'token'), 'utf8').trim();
    expect(token.length).toBeGreaterThanOrEqual(8);
    expect(server.output()).toContain(path.join(dataDir, 'token'));

    await page.goto(link?.[1] ?? '');
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Regions' })).toBeVisible();
    expect(page.url()).not.toContain('#');
    expect(await storage(page, 'sessionStorage')).toContain(token);
    expect(await storage(page, 'localStorage')).not.toContain(token);
    expect(await page.context().cookies()).toEqual([]);
    await page.goto(new URL('/regions/nl-01/keys', link?.[1]).href);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // The same link again: refused (the refusal is logged nowhere with the token either).
    await page.goto(link?.[1] ?? '');
    const toasts = page.getByRole('region', { name: /Notifications/ });
    await expect(toasts.getByText(/was already used/)).toBeVisible();
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  // Everything the server wrote, start to shutdown: a link with a code, never the token.
  expect(server.output()).toContain('#code=');
  expect(server.output()).toContain('shutting down');
  expect(token).toBeDefined();
  expect(server.output()).not.toContain(token ?? '');
});
