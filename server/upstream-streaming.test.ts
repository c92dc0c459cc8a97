import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import {
  createServer,
  get,
  request,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleServer } from './console-server';
import { drain, upload, waitFor } from './http-test-support';
import { listen, type Listening } from './listen';
import { createUpstreamProxy, MAX_BODY_BYTES } from './upstream';

const MB = 1024 * 1024;
/**
 * The streamed answer: four times the growth the test allows, so buffering it fails the test,
 * and small enough to stream in seconds on a busy machine.
 */
const LARGE_ANSWER = 128 * MB;

/** What the fake upstream saw of request bodies. */
let bodyBytes = 0;
let bodyRequests = 0;

/** Writes `total` bytes of one reused chunk, honouring backpressure. */
function sendLarge(res: ServerResponse, total: number): void {
  const chunk = Buffer.alloc(64 * 1024, 'k');
  let sent = 0;
  const pump = () => {
    while (sent < total) {
      sent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    res.end();
  };
  pump();
}

/** The fake KMS API: each path is one way for an upstream to behave. */
function fakeUpstream(req: IncomingMessage, res: ServerResponse) {
  const path = req.url ?? '';
  if (path.endsWith('/count')) {
    bodyRequests += 1;
    req.on('data', (chunk: Buffer) => (bodyBytes += chunk.length));
    req.on('end', () => res.end(JSON.stringify({ bytes: bodyBytes })));
    return;
  }
  req.resume();
  if (path.endsWith('/large')) {
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
    sendLarge(res, LARGE_ANSWER);
  } else if (path.endsWith('/dies-before-body')) {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
    res.flushHeaders();
    setTimeout(() => res.destroy(), 20);
  } else if (path.endsWith('/dies-mid-body')) {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(MB) });
    res.write(Buffer.alloc(1000, 'a'));
    setTimeout(() => res.destroy(), 20);
  } else if (path.endsWith('/silent-after-head')) {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.flushHeaders();
  } else if (path.endsWith('/stalls-mid-body')) {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write('{"partial":');
  } else if (!path.endsWith('/silent')) {
    res.end('{}'); // '/silent' never answers
  }
}

/**
 * The proxy alone in a child process (upstream-memory.fixture.ts), so that the test measures its
 * memory (heap and buffers after a full collection, sampled every 50 ms) and not the test's own.
 */
class MeasuredProxy {
  private readonly lines: AsyncIterator<string>;
  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly port: number,
    lines: AsyncIterator<string>,
  ) {
    this.lines = lines;
  }

  static async start(baseUrl: URL): Promise<MeasuredProxy> {
    const fixture = fileURLToPath(new URL('./upstream-memory.fixture.ts', import.meta.url));
    const child = spawn(process.execPath, [
      '--expose-gc',
      '--import',
      'tsx',
      fixture,
      baseUrl.href,
    ]);
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const port = Number((await lines.next()).value);
    // One request first, so that loading fetch's own code is not counted as growth.
    await new Promise((resolve) => get(`http://127.0.0.1:${port}/v1/warm-up`, resolve));
    return new MeasuredProxy(child, port, lines);
  }

  private async ask(command: string): Promise<string> {
    this.child.stdin.write(`${command}\n`);
    return String((await this.lines.next()).value);
  }

  /** Runs `work` and returns the most memory the proxy held meanwhile above its start, in MB. */
  async growthDuring(work: () => Promise<void>): Promise<number> {
    await this.ask('reset');
    await work();
    return Number(await this.ask('peak'));
  }

  stop(): void {
    this.child.kill();
  }
}

let upstream: Server;
let measured: MeasuredProxy;
/** Gives a silent upstream 10 s; the one below only 300 ms (for the 504 and stall cases). */
let proxy: Listening;
let impatientProxy: Listening;

async function proxyTo(baseUrl: URL, timeoutMs: number): Promise<Listening> {
  const app = createConsoleServer({
    distDir: '/nonexistent',
    api: createUpstreamProxy({ baseUrl, timeoutMs }),
  });
  return listen((r) => app.fetch(r), 0, '127.0.0.1');
}

beforeAll(async () => {
  upstream = createServer(fakeUpstream);
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const baseUrl = new URL(`http://127.0.0.1:${(upstream.address() as AddressInfo).port}`);
  proxy = await proxyTo(baseUrl, 10_000);
  impatientProxy = await proxyTo(baseUrl, 300);
  measured = await MeasuredProxy.start(baseUrl);
});

afterAll(async () => {
  measured.stop();
  await proxy.close();
  await impatientProxy.close();
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
});

function getFromProxy(path: string, through: { port: number } = proxy) {
  return new Promise<{ status: number; bytes: number; error?: Error; type?: string }>(
    (resolve, reject) => {
      get({ host: '127.0.0.1', port: through.port, path }, (res) => {
        void drain(res).then((r) =>
          resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], ...r }),
        );
      }).on('error', reject);
    },
  );
}

describe('upstream proxy: request bodies', () => {
  it('streams a body to the upstream while the client is still sending it', async () => {
    bodyBytes = 0;
    const req = request({
      host: '127.0.0.1',
      port: proxy.port,
      path: '/v1/kms/count',
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': '20000' },
    });
    const answer = new Promise<string>((resolve, reject) => {
      req.on('response', (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
    });
    req.write(Buffer.alloc(10_000, 'a'));
    // The first half reaches the upstream before the second half is even sent.
    await waitFor(() => bodyBytes === 10_000, 'the first half at the upstream');
    req.end(Buffer.alloc(10_000, 'b'));
    expect(JSON.parse(await answer)).toEqual({ bytes: 20_000 });
  });

  it(
    'cuts a 200 MB chunked body at 1 MiB while reading, without growing memory',
    {
      timeout: 120_000,
    },
    async () => {
      bodyBytes = 0;
      bodyRequests = 0;
      let result: Awaited<ReturnType<typeof upload>> | undefined;
      const growth = await measured.growthDuring(async () => {
        result = await upload(measured.port, '/v1/kms/count', 200 * MB, {
          'Content-Type': 'application/json',
          'Transfer-Encoding': 'chunked',
        });
      });
      expect(result?.status).toBe(413);
      expect(JSON.parse(result?.body ?? '{}')).toEqual({
        message: 'Request body is larger than 1 MiB',
      });
      expect(result?.sentBytes).toBeLessThan(200 * MB);
      expect(bodyBytes).toBeLessThanOrEqual(MAX_BODY_BYTES);
      expect(growth).toBeLessThan(32);
    },
  );

  it('refuses a declared length over 1 MiB before contacting the upstream', async () => {
    bodyRequests = 0;
    const result = await upload(proxy.port, '/v1/kms/count', 2 * MB, {
      'Content-Length': String(500 * MB),
    });
    expect(result.status).toBe(413);
    expect(bodyRequests).toBe(0);
  });

  it('passes a body of exactly 1 MiB', async () => {
    bodyBytes = 0;
    const result = await upload(proxy.port, '/v1/kms/count', MAX_BODY_BYTES, {
      'Transfer-Encoding': 'chunked',
    });
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ bytes: MAX_BODY_BYTES });
  });
});

describe('upstream proxy: answers', () => {
  it('streams a 128 MB answer back without growing memory', { timeout: 120_000 }, async () => {
    let result: Awaited<ReturnType<typeof getFromProxy>> | undefined;
    const growth = await measured.growthDuring(async () => {
      result = await getFromProxy('/v1/kms/large', measured);
    });
    expect(result?.status).toBe(200);
    expect(result?.error).toBeUndefined();
    expect(result?.bytes).toBe(LARGE_ANSWER);
    expect(growth).toBeLessThan(32);
  });

  it('answers 502 when the upstream dies after its head but before any body', async () => {
    const result = await getFromProxy('/v1/kms/dies-before-body');
    expect(result.status).toBe(502);
    expect(result.type).toBe('application/json');
  });

  it('cuts the answer short (never a 500) when the upstream dies mid-body', async () => {
    const result = await getFromProxy('/v1/kms/dies-mid-body');
    expect(result.status).toBe(200);
    expect(result.bytes).toBe(1000);
    expect(result.error).toBeDefined();
  });

  it('answers 504 when the upstream goes silent after its head', async () => {
    expect((await getFromProxy('/v1/kms/silent-after-head', impatientProxy)).status).toBe(504);
    expect((await getFromProxy('/v1/kms/silent', impatientProxy)).status).toBe(504);
  });

  it('cuts the answer short when the upstream stalls mid-body', async () => {
    const result = await getFromProxy('/v1/kms/stalls-mid-body', impatientProxy);
    expect(result.status).toBe(200);
    expect(result.bytes).toBe('{"partial":'.length);
    expect(result.error).toBeDefined();
  });
});
