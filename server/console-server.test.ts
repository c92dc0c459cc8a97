import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleServer, createStartingServer, type ApiHandler } from './console-server';
import { CONTENT_SECURITY_POLICY } from './security-headers';
import { resolveInside } from './static';

const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';
const BUNDLE = 'console.log("bundle");';

let root: string;
let distDir: string;
const seen: { method: string; url: string; body: string }[] = [];

const recordingApi: ApiHandler = async (request) => {
  seen.push({ method: request.method, url: request.url, body: await request.text() });
  return Response.json({ message: 'from api' }, { status: 401 });
};

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'console-server-'));
  distDir = path.join(root, 'dist');
  await mkdir(path.join(distDir, 'assets'), { recursive: true });
  await writeFile(path.join(distDir, 'index.html'), INDEX);
  await writeFile(path.join(distDir, 'assets', 'index-abc123.js'), BUNDLE);
  await writeFile(path.join(distDir, 'assets', 'index-def456.css'), 'body{}');
  await writeFile(path.join(distDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(path.join(root, 'secret.txt'), 'outside dist');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function app(withEmulator = false) {
  return createConsoleServer({
    distDir,
    api: recordingApi,
    ...(withEmulator ? { emulator: recordingApi } : {}),
  });
}

function expectSecurityHeaders(res: Response) {
  expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
}

describe('security headers', () => {
  it('the policy allows no inline or eval script and no framing', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
  });

  it.each([
    ['GET', '/'],
    ['GET', '/regions/nl-01/keys'],
    ['GET', '/assets/index-abc123.js'],
    ['GET', '/assets/nope.js'],
    ['GET', '/v1/kms/summary'],
    ['POST', '/'],
    ['GET', '/_emulator/clock'],
  ])('are on the answer to %s %s', async (method, url) => {
    expectSecurityHeaders(await app().request(url, { method }));
  });

  it('are added to API answers whose headers cannot be changed (fetch responses)', async () => {
    const frozen = await fetch('data:application/json,{"ok":true}');
    const res = await createConsoleServer({ distDir, api: () => frozen }).request(
      '/v1/kms/summary',
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expectSecurityHeaders(res);
  });
});

describe('static files and SPA fallback', () => {
  it('serves index.html at / with no-cache', async () => {
    const res = await app().request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe(INDEX);
  });

  it.each(['/does/not/exist', '/regions/nl-01/keys/kms-abc/versions', '/index.html', '/assets'])(
    'serves the SPA for %s',
    async (url) => {
      const res = await app().request(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toBe(INDEX);
    },
  );

  it('keeps the query string out of the file lookup', async () => {
    const res = await app().request('/regions/nl-01/keys?status=active&tab=versions');
    expect(await res.text()).toBe(INDEX);
  });

  it('serves hashed assets with a year-long immutable cache and the right type', async () => {
    const js = await app().request('/assets/index-abc123.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await js.text()).toBe(BUNDLE);
    const css = await app().request('/assets/index-def456.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('revalidates files outside /assets/', async () => {
    const res = await app().request('/favicon.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers 404, not HTML, for a missing asset', async () => {
    const res = await app().request('/assets/index-old999.js');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).not.toContain('text/html');
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers HEAD with headers and no body', async () => {
    const res = await app().request('/assets/index-abc123.js', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(BUNDLE.length));
    expect(await res.text()).toBe('');
  });

  it('refuses other methods on the console', async () => {
    const res = await app().request('/regions', { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  it('never serves a file outside dist', async () => {
    for (const url of [
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/..%5csecret.txt',
    ]) {
      const res = await app().request(url);
      expect(await res.text(), url).not.toContain('outside dist');
    }
    expect(resolveInside(distDir, '/../secret.txt')).toBe(path.join(distDir, 'secret.txt'));
    expect(resolveInside(distDir, '/..%2fsecret.txt')).toBeNull();
    expect(resolveInside(distDir, '/a%00b')).toBeNull();
    expect(resolveInside(distDir, '/%E0%A4%A')).toBeNull();
  });

  it('says the console is not built when dist has no index.html', async () => {
    const res = await createConsoleServer({
      distDir: path.join(root, 'missing'),
      api: recordingApi,
    }).request('/');
    expect(res.status).toBe(503);
    expectSecurityHeaders(res);
  });
});

describe('API routing', () => {
  it('hands /v1/... to the API with method, path, query and body, and marks it no-store', async () => {
    seen.length = 0;
    const res = await app().request('/v1/kms/nl-01/keys?status=active', {
      method: 'POST',
      body: '{"name":"a"}',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: 'from api' });
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(seen).toEqual([
      {
        method: 'POST',
        url: 'http://localhost/v1/kms/nl-01/keys?status=active',
        body: '{"name":"a"}',
      },
    ]);
  });

  it('does not serve the SPA for unknown /v1 paths', async () => {
    seen.length = 0;
    const res = await app().request('/v1/unknown');
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(seen).toHaveLength(1);
  });

  it('routes /_emulator/... to the emulator only when there is one', async () => {
    seen.length = 0;
    const without = await app(false).request('/_emulator/clock', { method: 'POST', body: '{}' });
    expect(without.status).toBe(404);
    expect(seen).toHaveLength(0);
    const withEmulator = await app(true).request('/_emulator/clock', {
      method: 'POST',
      body: '{"advance":"1h"}',
    });
    expect(withEmulator.status).toBe(401);
    expect(seen).toEqual([
      { method: 'POST', url: 'http://localhost/_emulator/clock', body: '{"advance":"1h"}' },
    ]);
  });

  it('turns an exception in the API into a JSON 500 without details', async () => {
    const res = await createConsoleServer({
      distDir,
      api: () => {
        throw new Error('secret detail');
      },
    }).request('/v1/kms/summary');
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ message: 'Internal server error' });
    expectSecurityHeaders(res);
  });
});

describe('while starting', () => {
  it('answers 503 with the security headers, so health checks keep waiting', async () => {
    const res = await createStartingServer().request('/');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(await res.json()).toEqual({ message: expect.stringContaining('starting') });
    expectSecurityHeaders(res);
  });
});

describe('revalidation', () => {
  it('answers 304 to a matching If-None-Match, and 200 after the file changed', async () => {
    const first = await app().request('/');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await app().request('/regions', { headers: { 'If-None-Match': etag ?? '' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('cache-control')).toBe('no-cache');
    expectSecurityHeaders(again);

    const later = new Date(Date.now() + 60_000);
    await writeFile(path.join(distDir, 'index.html'), INDEX);
    await utimes(path.join(distDir, 'index.html'), later, later);
    const changed = await app().request('/', { headers: { 'If-None-Match': etag ?? '' } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(await changed.text()).toBe(INDEX);
  });
});

describe('server paths never fall back to the single-page app', () => {
  it.each([
    '//v1/kms/summary',
    '/V1/KMS/summary',
    '/v1%2fkms%2fsummary',
    '/v1%2Fkms',
    '/_EMULATOR/clock',
    '/_emulator',
    '/_console/',
    '/_console/sign-in/abc',
    '/_Console/anything',
    '///_console',
  ])('answers %s with a JSON 404', async (url) => {
    const res = await app(false).request(url);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.text()).not.toContain('<div id="root">');
    expectSecurityHeaders(res);
  });

  it.each(['/v1-notes', '/_consoles', '/regions/v1/keys'])(
    'still serves the SPA for %s',
    async (url) => {
      const res = await app().request(url);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(INDEX);
    },
  );
});
