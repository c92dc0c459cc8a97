import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawConnection, statuses, waitFor } from '../http-test-support';
import { SECURITY_HEADERS } from '../security-headers';
import { killCliProcesses, startCli, tempDataDir, type CliProcess } from './test-support';

/** `npm run emulator` on its own gets the same transport limits as `npm start`. */
const dataDir = tempDataDir();
let cli: CliProcess;

beforeAll(async () => {
  cli = await startCli(dataDir);
});

afterAll(async () => {
  await killCliProcesses();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm run emulator: transport', () => {
  const port = () => Number(new URL(cli.base).port);

  it('refuses a Host that is not this machine (DNS rebinding) with a 421', async () => {
    const c = await rawConnection(port());
    await c.write(`GET /v1/kms/summary HTTP/1.1\r\nHost: evil.example:${port()}\r\n\r\n`);
    await waitFor(() => statuses(c.received()).length === 1, 'the answer');
    expect(statuses(c.received())).toEqual([421]);
    c.socket.destroy();
  });

  it('answers oversized headers with a 431 carrying the security headers', async () => {
    const c = await rawConnection(port());
    await c.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    await waitFor(() => c.state() !== 'open', 'the server to close the connection');
    expect(statuses(c.received())).toEqual([431]);
    for (const name of Object.keys(SECURITY_HEADERS)) {
      expect(c.received().toLowerCase()).toContain(`${name.toLowerCase()}: `);
    }
  });

  it('still answers the API on the loopback address', async () => {
    expect((await cli.request('GET', '/v1/kms/summary')).status).toBe(200);
  });
});
