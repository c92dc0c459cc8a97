import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { z } from 'zod';
import { ENDPOINTS, buildPath, errorBodySchema } from '../../src/contract/index';
import type { EndpointName } from '../../src/contract/index';
import { createManualClock } from './clock';
import type { Clock } from './clock';
import { createEmulator } from './index';
import type { Emulator, EmulatorOptions } from './index';

/** Shared helpers for the emulator's tests: an in-process emulator on a temporary data folder. */
export const TEST_TOKEN = 'test-token-0123456789';
export const ORG = 'org-local';
export const START = new Date('2026-01-01T00:00:00.000Z');

export interface CallOptions {
  body?: unknown;
  /** Sent as-is instead of JSON.stringify(body). */
  rawBody?: string | Uint8Array;
  /** Replaces the default headers entirely when given with `replaceHeaders`. */
  headers?: Record<string, string>;
  replaceHeaders?: boolean;
  token?: string | null;
  org?: string | null;
  project?: string;
  query?: string;
}

export interface CallResult {
  status: number;
  json: unknown;
  headers: Headers;
}

export interface TestEmulator {
  emulator: Emulator;
  dataDir: string;
  clock: Clock;
  call(method: string, path: string, options?: CallOptions): Promise<CallResult>;
  /** Calls a contract endpoint by name and path parameters. */
  endpoint(
    name: EndpointName,
    params: { region?: string; id?: string },
    options?: CallOptions,
  ): Promise<CallResult>;
  close(removeData?: boolean): Promise<void>;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'kms-emulator-test-'));
}

/** A response body: parsed JSON, the text when it is not JSON, undefined when empty. */
async function bodyOf(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
}

export async function startTestEmulator(
  options: Partial<EmulatorOptions> & { dataDir?: string } = {},
): Promise<TestEmulator> {
  const dataDir = options.dataDir ?? tempDataDir();
  const clock = options.clock ?? createManualClock(START);
  const emulator = await createEmulator({
    token: TEST_TOKEN,
    testControls: true,
    scheduler: false,
    ...options,
    dataDir,
    clock,
  });
  const call = async (method: string, path: string, o: CallOptions = {}): Promise<CallResult> => {
    const headers: Record<string, string> = o.replaceHeaders
      ? {}
      : { 'content-type': 'application/json' };
    if (!o.replaceHeaders) {
      if (o.token !== null) headers.authorization = `Bearer ${o.token ?? TEST_TOKEN}`;
      if (o.org !== null) headers['x-organisation-identity'] = o.org ?? ORG;
      if (o.project !== undefined) headers['x-project-identity'] = o.project;
    }
    Object.assign(headers, o.headers ?? {});
    let body: BodyInit | undefined;
    if (typeof o.rawBody === 'string') body = o.rawBody;
    else if (o.rawBody !== undefined) body = new Blob([Uint8Array.from(o.rawBody)]);
    else if (o.body !== undefined) body = JSON.stringify(o.body);
    const res = await emulator.app.request(path + (o.query ? `?${o.query}` : ''), {
      method,
      headers,
      body,
    });
    return { status: res.status, json: await bodyOf(res), headers: res.headers };
  };
  return {
    emulator,
    dataDir,
    clock,
    call,
    endpoint: (name, params, o) => {
      const spec = ENDPOINTS[name];
      return call(spec.method, buildPath(spec.path, params), o);
    },
    close: async (removeData = true) => {
      await emulator.close();
      if (removeData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type Parsed<N extends EndpointName> = z.output<(typeof ENDPOINTS)[N]['response']>;

/** One typed parser per endpoint (keeps the response type tied to the endpoint name). */
const RESPONSE_PARSERS: { [N in EndpointName]: (value: unknown) => Parsed<N> } = {
  summary: (v) => ENDPOINTS.summary.response.parse(v),
  listKeys: (v) => ENDPOINTS.listKeys.response.parse(v),
  createKey: (v) => ENDPOINTS.createKey.response.parse(v),
  getKey: (v) => ENDPOINTS.getKey.response.parse(v),
  deleteKey: (v) => ENDPOINTS.deleteKey.response.parse(v),
  cancelDeletion: (v) => ENDPOINTS.cancelDeletion.response.parse(v),
  disableKey: (v) => ENDPOINTS.disableKey.response.parse(v),
  enableKey: (v) => ENDPOINTS.enableKey.response.parse(v),
  rotateKey: (v) => ENDPOINTS.rotateKey.response.parse(v),
  updateRotation: (v) => ENDPOINTS.updateRotation.response.parse(v),
  encrypt: (v) => ENDPOINTS.encrypt.response.parse(v),
  decrypt: (v) => ENDPOINTS.decrypt.response.parse(v),
  sign: (v) => ENDPOINTS.sign.response.parse(v),
  verify: (v) => ENDPOINTS.verify.response.parse(v),
  hmac: (v) => ENDPOINTS.hmac.response.parse(v),
  verifyHmac: (v) => ENDPOINTS.verifyHmac.response.parse(v),
  publicKey: (v) => ENDPOINTS.publicKey.response.parse(v),
  exportKey: (v) => ENDPOINTS.exportKey.response.parse(v),
  wrappingKey: (v) => ENDPOINTS.wrappingKey.response.parse(v),
  audit: (v) => ENDPOINTS.audit.response.parse(v),
};

/** Asserts the endpoint's success status and parses the body with its contract schema. */
export function expectOk<N extends EndpointName>(
  name: N,
  res: CallResult,
): z.output<(typeof ENDPOINTS)[N]['response']> {
  expect(res.status, JSON.stringify(res.json)).toBe(ENDPOINTS[name].successStatus);
  return RESPONSE_PARSERS[name](res.json);
}

/** Asserts an error status with a `{message}` body; returns the message. */
export function expectError(
  res: CallResult,
  status: number,
  messagePart?: string | RegExp,
): string {
  expect(res.status, JSON.stringify(res.json)).toBe(status);
  const { message } = errorBodySchema.parse(res.json);
  expect(message.length).toBeGreaterThan(0);
  if (typeof messagePart === 'string') expect(message).toContain(messagePart);
  else if (messagePart) expect(message).toMatch(messagePart);
  return message;
}

export const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const liveCliProcesses = new Set<ChildProcess>();

/** The real CLI (`tsx server/emulator/cli.ts`) in its own process, on loopback, for crash tests. */
export interface CliProcess {
  child: ChildProcess;
  /** http://127.0.0.1:<port> */
  base: string;
  /** JSON over HTTP with the test token and organisation (and `project` scope when given). */
  request(
    method: string,
    path: string,
    body?: unknown,
    options?: { project?: string; userAgent?: string },
  ): Promise<{ status: number; json: unknown }>;
  /** SIGKILL, then waits for the process to be gone. */
  kill9(): Promise<void>;
  /** SIGTERM (graceful), then waits for the process to be gone. */
  stop(): Promise<void>;
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return once(child, 'exit').then(() => undefined);
}

/** Requests to a CLI process (its address known once it listens) with the test token. */
function cliRequest(base: () => string): CliProcess['request'] {
  return async (method, path, body, options = {}) => {
    const headers: Record<string, string> = {
      authorization: `Bearer ${TEST_TOKEN}`,
      'x-organisation-identity': ORG,
      'content-type': 'application/json',
    };
    if (options.project !== undefined) headers['x-project-identity'] = options.project;
    if (options.userAgent !== undefined) headers['user-agent'] = options.userAgent;
    const res = await fetch(base() + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: await bodyOf(res) };
  };
}

/**
 * Starts the CLI on a free port of 127.0.0.1 over `dataDir` and resolves once it listens.
 * Rejects (and kills it) when it exits first or does not listen within `timeoutMs`.
 */
export function startCli(dataDir: string, timeoutMs = 30_000): Promise<CliProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/emulator/cli.ts',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--data-dir',
      dataDir,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, KMS_EMULATOR_TOKEN: TEST_TOKEN },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  liveCliProcesses.add(child);
  child.on('exit', () => liveCliProcesses.delete(child));
  let base = '';
  const request = cliRequest(() => base);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`emulator did not listen within ${timeoutMs} ms: ${err}`));
    }, timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1] && base === '') {
        base = m[1];
        clearTimeout(timer);
        resolve({
          child,
          base,
          request,
          kill9: () => {
            child.kill('SIGKILL');
            return waitForExit(child);
          },
          stop: () => {
            child.kill('SIGTERM');
            return waitForExit(child);
          },
        });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited (${code ?? signal}) before listening: ${err}`));
    });
  });
}

/** Kills (SIGKILL) every CLI process this test file started that is still running. */
export async function killCliProcesses(): Promise<void> {
  const left = [...liveCliProcesses];
  for (const child of left) child.kill('SIGKILL');
  await Promise.all(left.map(waitForExit));
}
