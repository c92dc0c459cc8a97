import { E2E_TOKEN, expect, signIn, test } from './fixtures';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

test('the console is served with its security headers', async ({ page }) => {
  const res = await page.goto('/');
  if (!res) throw new Error('no response for /');
  const headers = res.headers();
  const csp = directives(headers['content-security-policy'] ?? '');
  expect(csp.get('script-src')).toEqual(["'self'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['cache-control']).toBe('no-cache');
});

test('an unknown path serves the single-page app', async ({ request }) => {
  const res = await request.get('/does/not/exist');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('text/html');
  expect(await res.text()).toContain('<div id="root">');
});

test('the API refuses a request without a token', async ({ request }) => {
  const res = await request.get('/v1/kms/summary', {
    headers: { 'X-Organisation-Identity': 'org-local' },
  });
  expect(res.status()).toBe(401);
  expect(res.headers()['content-type']).toContain('application/json');
  const body: unknown = await res.json();
  expect(body).toEqual({ message: expect.any(String) });
});

test('signing in keeps the token out of the URL and local storage', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  await signIn(page);
  expect(page.url()).not.toContain(E2E_TOKEN);
  expect(page.url()).not.toContain('#');
  const local = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(local).not.toContain(E2E_TOKEN);
  const session = await page.evaluate(() => JSON.stringify({ ...sessionStorage }));
  expect(session).toContain(E2E_TOKEN);
  // A CSP violation (e.g. an inline script sneaking into the build) shows up as a console error.
  expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
});
