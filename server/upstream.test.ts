import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createConsoleServer } from './console-server';
import {
  createUpstreamProxy,
  FORWARDED_REQUEST_HEADERS,
  MAX_BODY_BYTES,
  upstreamUrl,
} from './upstream';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Headers Node's own fetch adds to every request; none comes from the browser. */
const TRANSPORT_HEADERS = new Set([
  'host',
  'connection',
  'content-length',
  'transfer-encoding', // bodies are streamed, so they go out chunked
  'user-agent',
  'accept-language',
  'accept-encoding',
  'sec-fetch-mode',
]);

let upstream: Server;
let baseUrl: URL;
let received: Received[] = [];
let reply: { status: number; body: string; headers: Record<string, string> } = {
  status: 200,
  body: '{}',
  headers: {},
};

beforeAll(async () => {
  upstream = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      if (req.url?.includes('/hang')) return; // never answers
      res.writeHead(reply.status, reply.headers);
      res.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const { port } = upstream.address() as AddressInfo;
  baseUrl = new URL(`http://127.0.0.1:${port}`);
});

afterAll(async () => {
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
});

beforeEach(() => {
  received = [];
  reply = { status: 200, body: '{"ok":true}', headers: { 'Content-Type': 'application/json' } };
});

function consoleFor(base: URL, timeoutMs?: number) {
  return createConsoleServer({
    distDir: '/nonexistent',
    api: createUpstreamProxy({ baseUrl: base, ...(timeoutMs !== undefined ? { timeoutMs } : {}) }),
  });
}

describe('upstream proxy', () => {
  it('forwards method, path, query, body and exactly the allowed headers', async () => {
    reply = {
      status: 201,
      body: '{"identity":"kms-1"}',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    };
    const body = JSON.stringify({ name: 'payments', keyType: 'aes256-gcm96' });
    const res = await consoleFor(baseUrl).request(
      '/v1/kms/nl-01/keys?status=active&matchLabels%5Bteam%5D=web',
      {
        method: 'POST',
        body,
        headers: {
          Authorization: 'Bearer tok-123',
          'X-Organisation-Identity': 'org-a',
          'X-Project-Identity': 'proj-b',
          'Content-Type': 'application/json',
          Accept: 'application/json',
          Cookie: 'session=abc',
          Origin: 'http://127.0.0.1:8080',
          Referer: 'http://127.0.0.1:8080/regions',
          'X-Forwarded-For': '10.0.0.1',
          'X-Custom': 'nope',
        },
      },
    );
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({ identity: 'kms-1' });

    expect(received).toHaveLength(1);
    const got = received[0]!;
    expect(got.method).toBe('POST');
    expect(got.url).toBe('/v1/kms/nl-01/keys?status=active&matchLabels%5Bteam%5D=web');
    expect(got.body).toBe(body);
    expect(got.headers.authorization).toBe('Bearer tok-123');
    expect(got.headers['x-organisation-identity']).toBe('org-a');
    expect(got.headers['x-project-identity']).toBe('proj-b');
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers.accept).toBe('application/json');
    const fromBrowser = Object.keys(got.headers).filter((name) => !TRANSPORT_HEADERS.has(name));
    expect(fromBrowser.sort()).toEqual([...FORWARDED_REQUEST_HEADERS].sort());
  });

  it('sends no header the browser did not send', async () => {
    await consoleFor(baseUrl).request('/v1/kms/summary', { headers: { 'User-Agent': 'browser' } });
    const got = received[0]!;
    expect(got.method).toBe('GET');
    expect(got.body).toBe('');
    expect(got.headers.authorization).toBeUndefined();
    expect(got.headers['x-project-identity']).toBeUndefined();
    expect(
      Object.keys(got.headers).filter((name) => !TRANSPORT_HEADERS.has(name) && name !== 'accept'),
    ).toEqual([]);
    expect(got.headers['user-agent']).not.toBe('browser');
  });

  it.each(['PATCH', 'DELETE', 'PUT'])('forwards %s', async (method) => {
    reply = {
      status: 200,
      body: '{"status":"active"}',
      headers: { 'Content-Type': 'application/json' },
    };
    const res = await consoleFor(baseUrl).request('/v1/kms/nl-01/keys/kms-1/cancel-deletion', {
      method,
      body: method === 'PATCH' ? '{"a":1}' : null,
    });
    expect(res.status).toBe(200);
    expect(received[0]).toMatchObject({
      method,
      url: '/v1/kms/nl-01/keys/kms-1/cancel-deletion',
      body: method === 'PATCH' ? '{"a":1}' : '',
    });
  });

  it('passes error statuses and bodies back, and no upstream header but the content type', async () => {
    reply = {
      status: 409,
      body: '{"message":"duplicate slug"}',
      headers: {
        'Content-Type': 'application/json',
        'Set-Cookie': 'tracker=1',
        'X-Upstream-Secret': 's',
        'Access-Control-Allow-Origin': '*',
      },
    };
    const res = await consoleFor(baseUrl).request('/v1/kms/nl-01/keys', {
      method: 'POST',
      body: '{}',
    });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ message: 'duplicate slug' });
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('x-upstream-secret')).toBeNull();
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('passes a 204 without a body', async () => {
    reply = { status: 204, body: '', headers: {} };
    const res = await consoleFor(baseUrl).request('/v1/kms/nl-01/keys/kms-1', { method: 'DELETE' });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
  });

  it('keeps a path prefix of the upstream URL', async () => {
    await consoleFor(new URL('/api/', baseUrl)).request('/v1/kms/summary?x=1');
    expect(received[0]!.url).toBe('/api/v1/kms/summary?x=1');
    expect(
      upstreamUrl(new URL('https://api.example/base'), 'http://localhost:8080/v1/kms/summary').href,
    ).toBe('https://api.example/base/v1/kms/summary');
  });

  it('does not forward the emulator routes', async () => {
    const res = await consoleFor(baseUrl).request('/_emulator/clock', {
      method: 'POST',
      body: '{}',
    });
    expect(res.status).toBe(404);
    expect(received).toHaveLength(0);
  });

  it('refuses a body over 1 MiB without forwarding it', async () => {
    const res = await consoleFor(baseUrl).request('/v1/kms/nl-01/keys', {
      method: 'POST',
      body: 'x'.repeat(MAX_BODY_BYTES + 1),
    });
    expect(res.status).toBe(413);
    expect(received).toHaveLength(0);
  });

  it('answers 502 when the upstream cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const res = await consoleFor(new URL(`http://127.0.0.1:${port}`)).request('/v1/kms/summary');
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual({ message: 'The KMS API could not be reached' });
  });

  it('answers 504 when the upstream does not answer in time', async () => {
    const res = await consoleFor(baseUrl, 200).request('/v1/kms/hang');
    expect(res.status).toBe(504);
    expect(received).toHaveLength(1);
  });
});
