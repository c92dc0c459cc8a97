import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHostCheck,
  extraHostNames,
  HOST_REFUSED_MESSAGE,
  parseHostHeader,
} from './host-check';
import { listen, type Listening } from './listen';
import { SECURITY_HEADERS } from './security-headers';

/** GET / with a chosen Host header (fetch would not let a test set it). */
function getWithHost(port: number, host: string) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/', headers: { Host: host } },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
        },
      );
      req.on('error', reject);
      req.end();
    },
  );
}

describe('Host check on a loopback server (DNS rebinding)', () => {
  let server: Listening;
  beforeAll(async () => {
    server = await listen(() => new Response('hello'), 0, '127.0.0.1');
  });
  afterAll(() => server.close());

  it.each(['127.0.0.1', 'localhost', '127.0.0.2', '[::1]', 'LOCALHOST', 'localhost.'])(
    'answers Host %s with and without the port',
    async (name) => {
      expect((await getWithHost(server.port, `${name}:${server.port}`)).status).toBe(200);
      expect((await getWithHost(server.port, name)).status).toBe(200);
    },
  );

  it.each([
    'evil.example',
    'evil.example:PORT',
    'localhost.evil.example:PORT',
    '127.0.0.1.nip.io:PORT',
    'localhost:1',
    '10.0.0.1:PORT',
    'localhost:PORT@evil',
  ])('refuses Host %s with a 421 in JSON and the security headers', async (host) => {
    const res = await getWithHost(server.port, host.replace('PORT', String(server.port)));
    expect(res.status).toBe(421);
    expect(JSON.parse(res.body)).toEqual({ message: HOST_REFUSED_MESSAGE });
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(res.headers[name.toLowerCase()]).toBe(value);
    }
  });
});

describe('host names', () => {
  it('parses Host headers', () => {
    expect(parseHostHeader('Example.COM:8080')).toEqual({ name: 'example.com', port: 8080 });
    expect(parseHostHeader('[::1]:80')).toEqual({ name: '[::1]', port: 80 });
    expect(parseHostHeader('[::1]')).toEqual({ name: '[::1]', port: null });
    expect(parseHostHeader('a b')).toBeNull();
    expect(parseHostHeader('user@host')).toBeNull();
  });

  it("adds the address given with --host, and this machine's addresses for a wildcard", () => {
    expect(extraHostNames('127.0.0.1')).toEqual([]);
    expect(extraHostNames('192.168.1.5')).toEqual(['192.168.1.5']);
    expect(extraHostNames('fd00::5')).toEqual(['[fd00::5]']);
    expect(extraHostNames('0.0.0.0')).toContain('127.0.0.1');
    const check = createHostCheck('192.168.1.5', () => 8080);
    expect(check('192.168.1.5:8080')).toBe(true);
    expect(check('localhost:8080')).toBe(true);
    expect(check('192.168.1.6:8080')).toBe(false);
    expect(check(undefined)).toBe(true);
  });
});
