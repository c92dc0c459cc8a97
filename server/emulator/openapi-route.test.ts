import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleServer } from '../console-server';
import { SECURITY_HEADERS } from '../security-headers';
import { startTestEmulator, TEST_TOKEN } from './test-support';
import type { TestEmulator } from './test-support';

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator({ testControls: true });
});
afterAll(async () => {
  await t.close();
});

const get = (path: string, init?: RequestInit) => t.emulator.app.request(path, init);

/** Hono's routes as the document writes them: `:id` becomes `{id}`. */
const asTemplate = (path: string) => path.replace(/:(\w+)/g, '{$1}');

describe('GET /v1/openapi.json', () => {
  it('answers without a token or organisation, as JSON', async () => {
    const res = await get('/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/v1/kms/{region}/keys/{id}/encrypt');
  });

  it('holds nothing of this emulator: no token, data folder or test controls', async () => {
    const text = await (await get('/v1/openapi.json')).text();
    expect(text).not.toContain(TEST_TOKEN);
    expect(text).not.toContain(t.dataDir);
    expect(text).not.toContain('/_emulator');
    expect(text).not.toContain('/_console');
  });

  it('refuses other methods with 405 and Allow', async () => {
    const res = await get('/v1/openapi.json', { method: 'POST', body: '{}' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  it('lists every route of the emulator app (test controls and console sign-in aside)', async () => {
    const doc = (await (await get('/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = t.emulator.app.routes.filter(
      (r) => !/^\/_(emulator|console)\//.test(r.path) && r.path !== '*' && r.path !== '/*',
    );
    // The API's own routes: 20 endpoints on 14 paths, each with its 405 handler, and this one.
    expect(routes.length).toBeGreaterThan(30);
    const missing = routes
      .filter((r) => {
        const item = doc.paths[asTemplate(r.path)];
        if (!item) return true;
        return r.method !== 'ALL' && !(r.method.toLowerCase() in item);
      })
      .map((r) => `${r.method} ${r.path}`);
    expect(missing).toEqual([]);
  });

  it('gets the security headers when served by npm start', async () => {
    const handler = (request: Request) => t.emulator.app.fetch(request);
    const app = createConsoleServer({ distDir: t.dataDir, api: handler, emulator: handler });
    const res = await app.request('/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      expect(res.headers.get(name)).toBe(value);
  });
});
