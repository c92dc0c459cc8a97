import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
    const text = await res.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: res.status, json, headers: res.headers };
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
