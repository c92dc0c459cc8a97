import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionLimits } from './connection-limits';
import { rawConnection, statuses, waitFor, type RawConnection } from './http-test-support';
import { listen, type Listening } from './listen';
import { SECURITY_HEADERS } from './security-headers';

const MiB = 1024 * 1024;

/** Like the emulator: bodies over 1 MiB are 413 before anything is parsed. */
function limitedApp() {
  const app = new Hono();
  app.use('*', bodyLimit({ maxSize: MiB, onError: (c) => c.json({ message: 'too large' }, 413) }));
  app.post('/unread', (c) => c.json({ message: 'no token' }, 401)); // never reads the body
  app.post('/read', async (c) => c.json({ length: (await c.req.text()).length }));
  app.all('*', (c) => c.json({ ok: true }));
  return app;
}

let server: Listening | undefined;
const sockets: RawConnection[] = [];

afterEach(async () => {
  for (const s of sockets.splice(0)) s.socket.destroy();
  await server?.close();
  server = undefined;
});

async function start(limits: Partial<ConnectionLimits> = {}): Promise<Listening> {
  const app = limitedApp();
  server = await listen((r) => app.fetch(r), 0, '127.0.0.1', { limits });
  return server;
}

async function connect(port: number): Promise<RawConnection> {
  const c = await rawConnection(port);
  sockets.push(c);
  return c;
}

const head = (method: string, path: string, extra = '') =>
  `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${extra}\r\n`;
const chunk = (data: Buffer) =>
  Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n')]);

function expectSecurityHeaders(raw: string) {
  const lower = raw.toLowerCase();
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    expect(lower).toContain(`${name.toLowerCase()}: ${value.toLowerCase()}`);
  }
}

const SHORT = { headersTimeoutMs: 200, requestTimeoutMs: 400, timeoutCheckIntervalMs: 50 };

describe('timeouts close half-sent requests', () => {
  it('closes a connection that sends half a head, with a 408 carrying the security headers', async () => {
    const { port } = await start(SHORT);
    const c = await connect(port);
    await c.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    await waitFor(() => c.state() !== 'open', 'the server to close the connection');
    expect(statuses(c.received())).toEqual([408]);
    expectSecurityHeaders(c.received());
  });

  it('closes a connection that sends nothing at all', async () => {
    const { port } = await start(SHORT);
    const c = await connect(port);
    await waitFor(() => c.state() !== 'open', 'the server to close the connection');
  });

  it('closes a connection that sends the head but only part of the body', async () => {
    const { port } = await start(SHORT);
    const c = await connect(port);
    await c.write(head('POST', '/read', 'Content-Length: 100\r\n') + 'only ten b');
    await waitFor(() => c.state() !== 'open', 'the server to close the connection');
    expect(statuses(c.received())).toEqual([408]);
  });

  it('closes an idle keep-alive connection', async () => {
    const { port } = await start({ keepAliveTimeoutMs: 200 });
    const c = await connect(port);
    await c.write(head('GET', '/v1/x'));
    await waitFor(() => statuses(c.received()).length === 1, 'the answer');
    await waitFor(() => c.state() !== 'open', 'the idle connection to close');
  });
});

describe('connection cap', () => {
  it('closes connections beyond the maximum at once, and accepts again below it', async () => {
    const { port } = await start({ maxConnections: 2 });
    const held = [await connect(port), await connect(port)];
    await waitFor(() => server?.server.listening === true, 'listening');
    const third = await connect(port);
    await waitFor(() => third.state() !== 'open', 'the third connection to be closed');
    held[0]?.socket.destroy();
    await new Promise<void>((resolve) => setImmediate(resolve));
    const next = await connect(port);
    await waitFor(
      () => next.state() === 'open' && held[0]?.state() !== 'open',
      'a free slot after one closed',
    );
    await next.write(head('GET', '/v1/x'));
    await waitFor(() => statuses(next.received()).length === 1, 'an answer on the new connection');
    expect(held[1]?.state()).toBe('open');
  });
});

describe('a request refused early does not break the next one', () => {
  it('keeps the connection after a 413 for a 2 MiB body with Content-Length', async () => {
    const { port } = await start();
    const c = await connect(port);
    await c.write(head('POST', '/v1/keys', `Content-Length: ${2 * MiB}\r\n`));
    await c.write(Buffer.alloc(2 * MiB, 'x'));
    await c.write(head('GET', '/v1/after'));
    await waitFor(() => statuses(c.received()).length === 2, 'both answers');
    expect(statuses(c.received())).toEqual([413, 200]);
    expect(c.state()).toBe('open');
  });

  it('keeps the connection after a 401 that never read its body', async () => {
    const { port } = await start();
    const c = await connect(port);
    await c.write(head('POST', '/unread', 'Content-Length: 5000\r\n'));
    await c.write(Buffer.alloc(5000, 'x'));
    await c.write(head('GET', '/v1/after'));
    await waitFor(() => statuses(c.received()).length === 2, 'both answers');
    expect(statuses(c.received())).toEqual([401, 200]);
  });

  it('answers a 2 MiB chunked body with 413 and Connection: close, then closes without a reset', async () => {
    const { port } = await start();
    const c = await connect(port);
    await c.write(head('POST', '/v1/keys', 'Transfer-Encoding: chunked\r\n'));
    for (let i = 0; i < 32; i++) await c.write(chunk(Buffer.alloc(64 * 1024, 'x')));
    await c.write('0\r\n\r\n');
    await waitFor(() => c.state() !== 'open', 'the server to close the connection');
    expect(statuses(c.received())).toEqual([413]);
    expect(c.received()).toMatch(/\r\nConnection: close\r\n/i);
    expect(c.received()).toContain('{"message":"too large"}');
    expect(c.state()).toBe('closed');
  });

  it('closes (gently) after a 413 for a declared length too large to read and drop', async () => {
    const { port } = await start();
    const c = await connect(port);
    await c.write(head('POST', '/v1/keys', `Content-Length: ${500 * MiB}\r\n`));
    await c.write(Buffer.alloc(MiB, 'x'));
    await waitFor(() => statuses(c.received()).length === 1, 'the answer');
    expect(statuses(c.received())).toEqual([413]);
    expect(c.received()).toMatch(/\r\nConnection: close\r\n/i);
  });
});

describe("the HTTP parser's own answers", () => {
  it('answers headers that are too large with 431, JSON and the security headers', async () => {
    const { port } = await start({ maxHeaderBytes: 2048 });
    const c = await connect(port);
    await c.write(head('GET', '/', `X-Big: ${'a'.repeat(4096)}\r\n`));
    await waitFor(() => c.state() !== 'open', 'the server to close the connection');
    expect(statuses(c.received())).toEqual([431]);
    expect(c.received()).toContain('application/json');
    expectSecurityHeaders(c.received());
  });

  it('answers a malformed request with 400 and the security headers', async () => {
    const { port } = await start();
    const c = await connect(port);
    await c.write('GARBAGE\r\n\r\n');
    await waitFor(() => c.state() !== 'open', 'the server to close the connection');
    expect(statuses(c.received())).toEqual([400]);
    expectSecurityHeaders(c.received());
  });
});
