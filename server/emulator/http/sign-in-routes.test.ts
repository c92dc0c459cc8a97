import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleServer } from '../../console-server';
import { startTestEmulator, TEST_TOKEN } from '../test-support';
import type { TestEmulator } from '../test-support';

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(async () => {
  await t.close();
});

/** POST /_console/sign-in as a browser would (no token). */
function redeem(body: string, contentType = 'application/json') {
  return t.call('POST', '/_console/sign-in', {
    rawBody: body,
    replaceHeaders: true,
    headers: { 'content-type': contentType },
  });
}

async function issue(body: unknown = {}): Promise<{ code: string; expiresAt: string }> {
  const res = await t.call('POST', '/_emulator/sign-in-code', { body, org: null });
  expect(res.status).toBe(200);
  const issued = res.json as { code: string; expiresAt: string };
  expect(Date.parse(issued.expiresAt)).toBeGreaterThan(Date.now());
  return issued;
}
const newCode = async (body: unknown = {}) => (await issue(body)).code;

const message = (res: { json: unknown }) => (res.json as { message: string }).message;

describe('POST /_console/sign-in', () => {
  it('trades a code for the token once, never cached', async () => {
    const code = await newCode();
    const first = await redeem(JSON.stringify({ code }));
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ token: TEST_TOKEN, organisation: 'org-local' });
    expect(first.headers.get('cache-control')).toBe('no-store');
    const second = await redeem(JSON.stringify({ code }));
    expect(second.status).toBe(401);
    expect(message(second)).toMatch(/already used/);
    expect(second.json).not.toHaveProperty('token');
  });

  it('the printed code signs in to the default organisation', async () => {
    const { code } = t.emulator.issueSignInCode();
    const res = await redeem(JSON.stringify({ code }), 'application/json; charset=utf-8');
    expect(res.json).toEqual({ token: TEST_TOKEN, organisation: t.emulator.organisation });
  });

  it('a test code can name another organisation, which must exist', async () => {
    const code = await newCode({ organisation: 'nokms' });
    expect((await redeem(JSON.stringify({ code }))).json).toMatchObject({
      organisation: 'org-nokms',
    });
    const res = await t.call('POST', '/_emulator/sign-in-code', { body: { organisation: 'x' } });
    expect(res.status).toBe(404);
  });

  it('says when a code expired, and when it is unknown', async () => {
    const { code, expiresAt } = await issue({ expiresInSeconds: 1 });
    // Wait (bounded) until the code's lifetime has passed on the clock the server reads.
    await expect
      .poll(() => Date.now() > Date.parse(expiresAt), { timeout: 5_000, interval: 100 })
      .toBe(true);
    const expired = await redeem(JSON.stringify({ code }));
    expect(message(expired)).toMatch(/expired/);
    const unknown = await redeem(JSON.stringify({ code: 'AAAAAAAAAAAAAAAAAAAAAA' }));
    expect(unknown.status).toBe(401);
    expect(message(unknown)).toMatch(/not valid/);
  });

  it('refuses anything but JSON with 415, so a cross-site form cannot post', async () => {
    const code = await newCode();
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data']) {
      const res = await redeem(`code=${code}`, type);
      expect(res.status, type).toBe(415);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    const none = await t.call('POST', '/_console/sign-in', {
      rawBody: JSON.stringify({ code }),
      replaceHeaders: true,
    });
    expect(none.status).toBe(415);
    // None of that used the code up.
    expect((await redeem(JSON.stringify({ code }))).status).toBe(200);
  });

  it('refuses bad bodies with 400 and large ones with 413, never 500', async () => {
    for (const body of ['', 'not json', '[]', '{"code": 5}', '{"code": "a b"}', '{}'])
      expect((await redeem(body)).status, body).toBe(400);
    const big = await redeem(JSON.stringify({ code: 'A'.repeat(10_000) }));
    expect(big.status).toBe(413);
  });

  it('answers other methods with 405', async () => {
    const res = await t.call('GET', '/_console/sign-in', { token: null, org: null });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });
});

describe('POST /_emulator/sign-in-code', () => {
  it('needs the token', async () => {
    const res = await t.call('POST', '/_emulator/sign-in-code', { token: 'wrong-token-123' });
    expect(res.status).toBe(401);
    expect(res.json).not.toHaveProperty('code');
  });

  it('bounds the lifetime to 1..600 seconds', async () => {
    for (const expiresInSeconds of [0, 601, 1.5])
      expect(
        (await t.call('POST', '/_emulator/sign-in-code', { body: { expiresInSeconds } })).status,
      ).toBe(400);
  });

  it('does not exist without test controls', async () => {
    const plain = await startTestEmulator({ testControls: false });
    try {
      expect((await plain.call('POST', '/_emulator/sign-in-code', { body: {} })).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});

describe('behind npm start', () => {
  const api = () => Response.json({ message: 'api' });

  it('is routed to the emulator, and is a 404 JSON in upstream mode', async () => {
    const withEmulator = createConsoleServer({
      distDir: '/nonexistent',
      api,
      emulator: (request) => t.emulator.app.fetch(request),
    });
    const { code } = t.emulator.issueSignInCode();
    const ok = await withEmulator.request('/_console/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');

    const upstream = createConsoleServer({ distDir: '/nonexistent', api });
    const res = await upstream.request('/_console/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/json');
  });
});
