import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Page, Request } from '@playwright/test';
import { z } from 'zod';
import { keyListSchema, keySchema } from '../src/contract';
import { wizard } from './create-key-wizard';
import { createKey, E2E_ORG, E2E_TOKEN, expect, signIn, test, uniqueName } from './fixtures';

/**
 * Security checks of the console as served by `npm start`: where the token goes, how API strings
 * holding markup render, the headers of every kind of response, and what secrets leave behind.
 */
const REGION = 'nl-01';

/** Markup a hostile name, label or annotation could hold; each would set window.__xss if run. */
const MARKUP = {
  img: '<img src=x onerror=window.__xss=1>',
  script: '<script>window.__xss=2</script>',
  svg: '"><svg onload=window.__xss=3>',
} as const;
const ALL_MARKUP = `${MARKUP.img} ${MARKUP.script} ${MARKUP.svg}`;
/** Elements or attributes that exist only if some of that markup became HTML. */
const INJECTED = 'img[src="x"], [onerror], [onload], body script, #root svg[onload]';

async function expectNoInjection(page: Page): Promise<void> {
  expect(await page.evaluate(() => Reflect.get(window, '__xss'))).toBeUndefined();
  await expect(page.locator(INJECTED)).toHaveCount(0);
}

type Storage = 'localStorage' | 'sessionStorage';
const storage = (page: Page, kind: Storage) =>
  page.evaluate((k) => JSON.stringify({ ...window[k] }), kind);

/** Everything the page holds as text: the serialized DOM plus the live values of form fields. */
function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const values = [...document.querySelectorAll('input, textarea')].map((el) =>
      el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value : '',
    );
    return `${document.documentElement.outerHTML}\n${document.body.innerText}\n${values.join('\n')}`;
  });
}

const isApi = (url: string) => new URL(url).pathname.startsWith('/v1/');

test.describe('the token', () => {
  test('stays out of storage, cookies, URLs, logs and every request but API calls', async ({
    page,
    context,
    api,
  }) => {
    test.setTimeout(90_000);
    const key = await createKey(api, REGION, {
      name: uniqueName('token trail'),
      keyType: 'ecdsa-p256',
      labels: { team: 'security' },
    });
    const requests: Request[] = [];
    const navigations: string[] = [];
    const logs: string[] = [];
    page.on('request', (req) => requests.push(req));
    page.on('framenavigated', (frame) => navigations.push(frame.url()));
    page.on('console', (msg) => logs.push(msg.text()));
    page.on('pageerror', (error) => logs.push(`${error.message}\n${error.stack ?? ''}`));

    /** After every step: nowhere the browser keeps things but session storage. */
    const checkpoint = async (where: string) => {
      expect(page.url(), where).not.toContain(E2E_TOKEN);
      expect(await storage(page, 'localStorage'), where).not.toContain(E2E_TOKEN);
      expect(await page.evaluate(() => document.cookie), where).not.toContain(E2E_TOKEN);
      expect(JSON.stringify(await context.cookies()), where).not.toContain(E2E_TOKEN);
      expect(await pageText(page), `${where}: on the page`).not.toContain(E2E_TOKEN);
      // It is kept for the tab's session, and only there.
      expect(await storage(page, 'sessionStorage'), where).toContain(E2E_TOKEN);
    };

    await signIn(page);
    await checkpoint('after sign-in');
    const signInNavigations = navigations.length;

    await test.step('regions', async () => {
      await page.goto('/regions');
      await expect(page.getByRole('heading', { level: 1, name: 'Regions' })).toBeVisible();
      await checkpoint('regions');
    });
    await test.step('key list and a key', async () => {
      await page.goto(`/regions/${REGION}/keys?q=${encodeURIComponent(key.slug)}`);
      await page.getByRole('link', { name: key.name }).click();
      await expect(page.getByRole('heading', { level: 1, name: key.name })).toBeVisible();
      await checkpoint('key page');
    });
    await test.step('every tab of the key page', async () => {
      for (const tab of ['Versions', 'Rotation', 'Public key', 'Crypto', 'API', 'Overview']) {
        await page.getByRole('tab', { name: tab, exact: true }).click();
        await expect(page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute(
          'aria-selected',
          'true',
        );
        await expect(page.getByRole('tabpanel')).toBeVisible();
        await checkpoint(`tab ${tab}`);
      }
      // A reload of a deep link signs in again from session storage.
      await page.goto(`/regions/${REGION}/keys/${key.identity}/versions`);
      await expect(page.getByRole('heading', { level: 1, name: key.name })).toBeVisible();
      await checkpoint('reloaded deep link');
    });
    await test.step('the wizard up to its review', async () => {
      const w = wizard(page);
      await w.open();
      await w.next('Details');
      await w.name().fill(uniqueName('token wizard'));
      await w.toReviewFromDetails();
      // The review's curl command keeps a placeholder.
      await page.getByRole('tab', { name: 'curl' }).click();
      await expect(page.getByText('Authorization: Bearer $TOKEN')).toBeVisible();
      await checkpoint('wizard review');
    });

    // The address bar never held it: the sign-in link carries a one-time code, not the token.
    expect(navigations.length).toBeGreaterThan(signInNavigations);
    expect(navigations.filter((u) => u.includes(E2E_TOKEN))).toEqual([]);
    expect(navigations.filter((u) => u.includes('#code=')).length).toBeLessThanOrEqual(1);

    // Requests: API calls carry the token in their Authorization header (so this check can see
    // it), and no other request carries it anywhere: URL, any header, or body.
    const apiRequests = requests.filter((r) => isApi(r.url()));
    const others = requests.filter((r) => !isApi(r.url()));
    expect(apiRequests.length).toBeGreaterThan(5);
    expect(others.length).toBeGreaterThan(5);
    for (const req of apiRequests) {
      const headers = await req.allHeaders();
      expect(headers.authorization, req.url()).toBe(`Bearer ${E2E_TOKEN}`);
      expect(req.url(), 'API URL').not.toContain(E2E_TOKEN);
    }
    for (const req of others) {
      const headers = await req.allHeaders();
      const seen = `${req.method()} ${req.url()}\n${JSON.stringify(headers)}\n${req.postData() ?? ''}`;
      expect(seen, `non-API request ${req.url()}`).not.toContain(E2E_TOKEN);
      expect(headers.authorization, req.url()).toBeUndefined();
    }
    // Referrer-Policy no-referrer: no request says where the page was (a URL could hold secrets).
    for (const req of requests) {
      expect((await req.allHeaders()).referer ?? '', req.url()).toBe('');
    }
    // The browser console never shows it.
    expect(logs.filter((line) => line.includes(E2E_TOKEN))).toEqual([]);
  });

  test('signing out clears session storage and the cache; Back shows no key data', async ({
    page,
    api,
  }) => {
    const key = await createKey(
      api,
      REGION,
      { name: uniqueName('sign out data'), keyType: 'aes256-gcm96' },
      { project: 'proj-web' },
    );
    await signIn(page);
    // Into the project's scope with the scope switcher (which remembers it for the session).
    await page.goto(`/regions/${REGION}/keys`);
    await page.getByRole('button', { name: /Change scope/ }).click();
    await page.getByPlaceholder('Project identity or slug').fill('proj-web');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page).toHaveURL(/[?&]project=proj-web/);
    await page.goto(`/regions/${REGION}/keys/${key.identity}?project=proj-web`);
    await expect(page.getByRole('heading', { level: 1, name: key.name })).toBeVisible();
    const before = await storage(page, 'sessionStorage');
    expect(before).toContain(E2E_TOKEN);
    expect(before).toContain('proj-web');

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByLabel('API token')).toBeVisible();
    // Nothing of the session is left in the tab: no token, organisation, project or key. (The
    // router's scroll positions, keyed by history entry, are all that may stay.)
    const after = await page.evaluate(() =>
      Object.fromEntries(
        Object.entries({ ...sessionStorage }).filter(
          ([name]) => !name.startsWith('tsr-scroll-restoration'),
        ),
      ),
    );
    expect(after).toEqual({});
    const everything = await storage(page, 'sessionStorage');
    for (const trace of [E2E_TOKEN, E2E_ORG, 'proj-web', key.identity, key.slug])
      expect(everything).not.toContain(trace);
    expect(await storage(page, 'localStorage')).not.toContain(E2E_TOKEN);

    // Back to the key page: sign-in again, nothing of the key on screen or in the page.
    await page.goBack();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByLabel('API token')).toBeVisible();
    await expect(page.getByText(key.name)).toHaveCount(0);
    expect(await pageText(page)).not.toContain(key.identity);

    // The query cache was dropped: signed in again with the key list unreachable, the key page
    // cannot show the key from memory.
    await page.route('**/v1/kms/*/keys/**', (route) => route.abort('failed'));
    await page.getByLabel('Organisation').fill(E2E_ORG);
    await page.getByLabel('API token').fill(E2E_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(new RegExp(`/keys/${key.identity}`));
    await expect(page.getByRole('button', { name: 'Try again' }).first()).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: key.name })).toHaveCount(0);
  });
});

test.describe('markup in API strings renders as text', () => {
  const labelKey = 'example.com/html';

  /** Creates a key whose name, description and annotations hold markup. */
  async function hostileKey(api: APIRequestContext) {
    return createKey(api, REGION, {
      name: `${uniqueName('xss')} ${ALL_MARKUP}`,
      keyType: 'aes256-gcm96',
      description: `First line ${MARKUP.img}\nSecond line ${MARKUP.script} ${MARKUP.svg}`,
      annotations: {
        'example.com/img': MARKUP.img,
        'example.com/script': MARKUP.script,
        'example.com/svg': MARKUP.svg,
      },
      labels: { [labelKey]: 'plain' },
    });
  }

  /**
   * The emulator refuses markup in labels (Kubernetes syntax), but the console must not rely on
   * an upstream API doing the same: its responses are rewritten here so the key's label key and
   * value hold markup.
   */
  const labelName = `${labelKey}${MARKUP.img}`;
  const labelValue = MARKUP.svg;

  async function injectLabelMarkup(page: Page, identity: string) {
    const hostileLabels = { [labelName]: labelValue };
    const withLabels = (key: z.infer<typeof keySchema>) =>
      key.identity === identity ? { ...key, labels: hostileLabels } : key;
    await page.route(`**/v1/kms/${REGION}/keys**`, async (route) => {
      if (route.request().method() !== 'GET') return route.continue();
      const response = await route.fetch();
      const json: unknown = await response.json().catch(() => null);
      const list = keyListSchema.safeParse(json);
      const one = keySchema.safeParse(json);
      const body = list.success
        ? list.data.map(withLabels)
        : one.success
          ? withLabels(one.data)
          : json;
      await route.fulfill({ response, json: body });
    });
  }

  test('on the key list and on every tab of the key page', async ({ page, api }) => {
    const key = await hostileKey(api);
    await injectLabelMarkup(page, key.identity);
    await signIn(page);

    await page.goto(`/regions/${REGION}/keys?q=${encodeURIComponent(key.slug)}`);
    const link = page.getByRole('link', { name: key.name, exact: true });
    await expect(link).toBeVisible();
    await expect(link).toHaveText(key.name);
    const row = page.getByRole('row').filter({ has: link });
    await expect(row).toContainText(`${labelName}=${labelValue}`);
    await expectNoInjection(page);

    await link.click();
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(key.name);
    await expect(page.getByText(`First line ${MARKUP.img}`)).toBeVisible();
    for (const value of Object.values(MARKUP)) {
      await expect(page.getByText(value, { exact: true }).first()).toBeVisible();
    }
    await expect(page.getByText(labelName, { exact: true })).toBeVisible();
    await expectNoInjection(page);

    for (const tab of ['Versions', 'Rotation', 'Crypto', 'API', 'Overview']) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await expect(page.getByRole('tabpanel')).toBeVisible();
      await expect(heading).toHaveText(key.name);
      await expectNoInjection(page);
    }
    // The breadcrumb carries the name as text too.
    await expect(
      page.getByRole('navigation', { name: 'Breadcrumb' }).getByText(key.name),
    ).toBeVisible();
    await expectNoInjection(page);
  });

  test('on the wizard review step, and on the page of the key it creates', async ({
    page,
    api,
  }) => {
    const w = wizard(page);
    await signIn(page);
    await w.open();
    await w.next('Details');
    const name = `${uniqueName('xss wizard')} ${ALL_MARKUP}`;
    const description = `Made by ${MARKUP.svg} for ${MARKUP.script}`;
    await w.name().fill(name);
    await w.description().fill(description);
    await page.getByRole('button', { name: 'Add annotation' }).click();
    await page.getByLabel('Annotation 1 key').fill('example.com/note');
    await page.getByLabel('Annotation 1 value').fill(MARKUP.img);
    await expectNoInjection(page);
    await w.toReviewFromDetails();

    const review = page.getByRole('main');
    await expect(review.getByText(name, { exact: true })).toBeVisible();
    await expect(review.getByText(description, { exact: true })).toBeVisible();
    await expect(review.getByText(MARKUP.img, { exact: true }).first()).toBeVisible();
    await expectNoInjection(page);
    for (const tab of ['curl', 'Terraform', 'JSON']) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await expect(page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute(
        'aria-selected',
        'true',
      );
      await expectNoInjection(page);
    }

    const id = await w.create();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.getByText(description, { exact: true })).toBeVisible();
    await expectNoInjection(page);
    const res = await api.get(`/v1/kms/${REGION}/keys/${id}`);
    expect(keySchema.parse(await res.json())).toMatchObject({
      name,
      description,
      annotations: { 'example.com/note': MARKUP.img },
    });
  });
});

test.describe('security headers', () => {
  /** The directives of a CSP header, name → sources. */
  function directives(csp: string): Map<string, string[]> {
    return new Map(
      csp
        .split(';')
        .map((part) => part.trim())
        .filter(Boolean)
        .map((part) => {
          const [name = '', ...values] = part.split(/\s+/);
          return [name.toLowerCase(), values];
        }),
    );
  }

  function expectSecurityHeaders(headers: Record<string, string>, what: string) {
    const csp = directives(headers['content-security-policy'] ?? '');
    const scriptSrc = csp.get('script-src') ?? csp.get('default-src');
    expect(scriptSrc, `${what}: script-src`).toContain("'self'");
    for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:'])
      expect(scriptSrc, `${what}: script-src`).not.toContain(unsafe);
    expect(csp.get('default-src'), `${what}: default-src`).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors'), `${what}: frame-ancestors`).toEqual(["'none'"]);
    expect(csp.get('object-src'), `${what}: object-src`).toEqual(["'none'"]);
    expect(csp.get('base-uri'), `${what}: base-uri`).toEqual(["'none'"]);
    expect(headers['x-content-type-options'], `${what}: nosniff`).toBe('nosniff');
    expect(headers['referrer-policy'], `${what}: Referrer-Policy`).toBe('no-referrer');
    expect(headers['x-frame-options'], `${what}: X-Frame-Options`).toBe('DENY');
  }

  test('on pages, deep links, assets, revalidations, API answers and errors', async ({
    request,
    api,
  }) => {
    const key = await createKey(api, REGION, { name: uniqueName('headers'), keyType: 'ed25519' });
    const pages = [
      '/',
      '/regions',
      '/sign-in?redirect=%2Fregions',
      `/regions/${REGION}/keys`,
      `/regions/${REGION}/keys/${key.identity}/versions`,
      `/regions/${REGION}/keys/new?step=details`,
    ];
    let html = '';
    for (const path of pages) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
      expect(res.headers()['content-type'], path).toContain('text/html');
      expectSecurityHeaders(res.headers(), path);
      html = await res.text();
    }

    // The page holds no inline script and no inline event handler (the CSP would block them).
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs = '', body = ''] of scripts) {
      expect(attrs).toMatch(/\bsrc="\/[^/"][^"]*\.js"/);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);

    // Every file the page links (bundles, theme script, icon), and a revalidation (304).
    const assets = [...html.matchAll(/(?:src|href)="(\/[^/"][^"]*)"/g)].map((m) => m[1] ?? '');
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    for (const asset of assets) {
      const res = await request.get(asset);
      expect(res.status(), asset).toBe(200);
      if (asset.endsWith('.js'))
        expect(res.headers()['content-type'], asset).toMatch(/^text\/javascript/);
      if (asset.endsWith('.css'))
        expect(res.headers()['content-type'], asset).toMatch(/^text\/css/);
      expectSecurityHeaders(res.headers(), asset);
    }
    const first = await request.get('/regions');
    const etag = first.headers().etag;
    expect(etag).toBeTruthy();
    const revalidated = await request.get('/regions', { headers: { 'If-None-Match': etag ?? '' } });
    expect(revalidated.status()).toBe(304);
    expectSecurityHeaders(revalidated.headers(), '304 /regions');

    // A missing asset is a 404, not the page as script; API answers and errors carry them too.
    const missing = await request.get('/assets/not-a-bundle-0000.js');
    expect(missing.status()).toBe(404);
    expect(missing.headers()['content-type']).not.toContain('javascript');
    expectSecurityHeaders(missing.headers(), 'missing asset');
    const apiOk = await api.get(`/v1/kms/${REGION}/keys/${key.identity}`);
    expect(apiOk.status()).toBe(200);
    expectSecurityHeaders(apiOk.headers(), 'API 200');
    const apiRefused = await request.get('/v1/kms/summary');
    expect(apiRefused.status()).toBe(401);
    expectSecurityHeaders(apiRefused.headers(), 'API 401');
    const apiMissing = await api.get(`/v1/kms/${REGION}/keys/kms-does-not-exist`);
    expect(apiMissing.status()).toBe(404);
    expectSecurityHeaders(apiMissing.headers(), 'API 404');
  });

  test('another page cannot frame the console', async ({ page, baseURL }) => {
    /** Frames `path` in a page of another origin; resolves once the frame has loaded. */
    const frameIt = async (path: string) => {
      const target = `${baseURL}${path}`;
      const answered = page.waitForResponse((res) => res.url() === target);
      // setContent waits for the load event, which waits for the frame to load or fail.
      await page.setContent(`<iframe title="framed" src="${target}"></iframe>`);
      expect((await answered).status()).toBe(200);
      const frame = page.frames().find((f) => f !== page.mainFrame());
      return {
        url: frame?.url(),
        roots: await page.frameLocator('iframe').locator('#root').count(),
      };
    };
    // Control: the same page with its framing headers stripped does show inside a frame.
    await page.route('**/regions?control=1', async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers['content-security-policy'];
      delete headers['x-frame-options'];
      await route.fulfill({ response, headers });
    });
    // (Signed out, the console shows inside the frame and its router sends it to sign-in.)
    const control = await frameIt('/regions?control=1');
    expect(control.url?.startsWith(`${baseURL}/`)).toBe(true);
    expect(control.roots).toBe(1);
    // As served: the server answers, and the browser refuses to show it inside the frame.
    const framed = await frameIt('/regions');
    expect(framed.url).not.toBe(`${baseURL}/regions`);
    expect(framed.roots).toBe(0);
  });
});

test.describe('secrets leave nothing behind', () => {
  test('decrypted plaintext: never stored, gone from the page after leaving the crypto tab', async ({
    page,
    api,
  }) => {
    const key = await createKey(api, REGION, {
      name: uniqueName('plaintext trail'),
      keyType: 'aes256-gcm96',
    });
    const secret = `the launch code is ${randomUUID()}`;
    const secretB64 = Buffer.from(secret).toString('base64');
    const enc = await api.post(`/v1/kms/${REGION}/keys/${key.identity}/encrypt`, {
      data: { plaintext: secretB64 },
    });
    const { ciphertext } = z.object({ ciphertext: z.string() }).parse(await enc.json());

    await signIn(page);
    await page.goto(`/regions/${REGION}/keys/${key.identity}/crypto?op=decrypt`);
    await page.getByLabel('Ciphertext', { exact: true }).fill(ciphertext);
    await page.getByRole('button', { name: 'Decrypt', exact: true }).click();
    await expect(page.getByLabel('Plaintext', { exact: true })).toHaveValue(secret);
    expect(page.url()).not.toContain(secretB64);

    const stored = `${await storage(page, 'sessionStorage')}${await storage(page, 'localStorage')}`;
    for (const form of [secret, secretB64]) expect(stored).not.toContain(form);

    await page.getByRole('tab', { name: 'Overview' }).click();
    await expect(page.getByRole('heading', { level: 3, name: 'Decrypt' })).toBeHidden();
    for (const form of [secret, secretB64]) expect(await pageText(page)).not.toContain(form);

    // Back to the tab through history: empty again.
    await page.goBack();
    await expect(page.getByRole('heading', { level: 3, name: 'Decrypt' })).toBeVisible();
    await expect(page.getByLabel('Plaintext', { exact: true })).toHaveCount(0);
    for (const form of [secret, secretB64]) expect(await pageText(page)).not.toContain(form);
  });

  test('exported material: never stored, gone from the page after closing the dialog', async ({
    page,
    api,
  }) => {
    const key = await createKey(api, REGION, {
      name: uniqueName('material trail'),
      keyType: 'ed25519',
      exportAllowed: true,
    });
    await signIn(page);
    await page.goto(`/regions/${REGION}/keys/${key.identity}`);
    const open = page.getByRole('button', { name: 'Export' });
    await open.click();
    const dialog = page.getByRole('dialog', { name: /Export key material/ });
    await dialog.getByRole('checkbox', { name: /cannot be revoked/ }).check();
    await dialog.getByRole('textbox', { name: /to confirm/ }).fill(`${REGION}/${key.slug}`);
    await dialog.getByRole('button', { name: 'Export version 1' }).click();
    await dialog.getByRole('button', { name: 'Reveal' }).click();
    const material = (await dialog.getByTestId('export-material').innerText()).trim();
    // PKCS#8 DER of an Ed25519 key is 48 bytes.
    expect(Buffer.from(material, 'base64')).toHaveLength(48);

    const stored = `${await storage(page, 'sessionStorage')}${await storage(page, 'localStorage')}`;
    expect(stored).not.toContain(material);
    expect(page.url()).not.toContain(material);

    await dialog.getByRole('button', { name: 'Close dialog' }).click();
    await expect(dialog).toBeHidden();
    expect(await pageText(page)).not.toContain(material);
    expect(
      `${await storage(page, 'sessionStorage')}${await storage(page, 'localStorage')}`,
    ).not.toContain(material);
    // Other tabs and the way back do not bring it back either.
    await page.getByRole('tab', { name: 'Public key' }).click();
    await expect(page.getByRole('tab', { name: 'Public key' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await page.goBack();
    await expect(open).toBeVisible();
    expect(await pageText(page)).not.toContain(material);
  });
});
