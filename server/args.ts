import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isLoopbackHost } from './host-check';

/** Options of `npm start` (server/main.ts), from the command line and the environment. */
export interface StartOptions {
  port: number;
  host: string;
  dataDir: string;
  configPath: string | undefined;
  demo: boolean;
  testControls: boolean;
  /** Base URL of a real KMS API; when set, no emulator runs. */
  upstream: URL | undefined;
  help: boolean;
}

/** Options of `npm run dev` (server/dev.ts). */
export interface DevOptions {
  port: number;
  apiPort: number;
  host: string;
  dataDir: string;
  configPath: string | undefined;
  demo: boolean;
  help: boolean;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

type Env = Record<string, string | undefined>;

export const START_USAGE = `Usage: npm start -- [options]

Builds the console if dist/ is missing or older than its sources, then serves it
together with the KMS API on one origin.

Options:
  --port <n>          port to listen on (env PORT, default 8080; 0 picks a free port)
  --host <addr>       address to bind (env HOST, default 127.0.0.1)
  --data-dir <dir>    emulator data folder (env KMS_DATA_DIR, default .kms-data)
  --config <file>     emulator settings file (JSON): organisations, projects, regions
                      (env KMS_EMULATOR_CONFIG)
  --demo              seed the emulator with demo keys on first start
  --test-controls     enable the emulator's test routes (POST /_emulator/clock, ...)
  --upstream <url>    no emulator: forward /v1/... to this KMS API instead
                      (e.g. https://api.thalassa.cloud); nothing is stored
  -h, --help          show this help

Environment:
  KMS_EMULATOR_TOKEN  the emulator's API token (default: the emulator's own)
  KMS_DATA_DIR, KMS_EMULATOR_CONFIG, PORT, HOST as above
`;

export const DEV_USAGE = `Usage: npm run dev -- [options]

Starts the KMS emulator API and Vite's dev server (hot reload) with /v1 and
/_emulator proxied to the emulator.

Options:
  --port <n>          Vite dev server port (default 5173)
  --api-port <n>      emulator API port (default 8081)
  --host <addr>       address to bind both servers (env HOST, default 127.0.0.1)
  --data-dir <dir>    emulator data folder (env KMS_DATA_DIR, default .kms-data)
  --config <file>     emulator settings file (JSON) (env KMS_EMULATOR_CONFIG)
  --demo              seed the emulator with demo keys on first start
  -h, --help          show this help
`;

export function parsePort(value: string, source: string): number {
  if (!/^\d{1,5}$/.test(value)) throw new UsageError(`${source}: "${value}" is not a port number`);
  const port = Number(value);
  if (port > 65_535) throw new UsageError(`${source}: ${port} is not a port number (0-65535)`);
  return port;
}

export function parseUpstream(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--upstream: "${value}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`--upstream: only http and https URLs are supported, got ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new UsageError('--upstream: credentials in the URL are not allowed');
  }
  if (url.search || url.hash) {
    throw new UsageError('--upstream: the URL must not have a query or fragment');
  }
  return url;
}

function parse(argv: readonly string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The options of `npm start` that the emulator's own command (`npm run emulator`) takes too. */
export const EMULATOR_ARG_OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  'data-dir': { type: 'string' },
  config: { type: 'string' },
  demo: { type: 'boolean' },
  'test-controls': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseStartArgs(argv: readonly string[], env: Env): StartOptions {
  const values = parse(argv, { ...EMULATOR_ARG_OPTIONS, upstream: { type: 'string' } });
  const portArg = str(values.port);
  const upstream = str(values.upstream);
  return {
    port:
      portArg !== undefined
        ? parsePort(portArg, '--port')
        : env.PORT
          ? parsePort(env.PORT, 'PORT')
          : 8080,
    host: str(values.host) ?? (env.HOST || '127.0.0.1'),
    dataDir: str(values['data-dir']) ?? (env.KMS_DATA_DIR || '.kms-data'),
    configPath: str(values.config) ?? (env.KMS_EMULATOR_CONFIG || undefined),
    demo: values.demo === true,
    testControls: values['test-controls'] === true,
    upstream: upstream !== undefined ? parseUpstream(upstream) : undefined,
    help: values.help === true,
  };
}

export function parseDevArgs(argv: readonly string[], env: Env): DevOptions {
  const values = parse(argv, {
    port: { type: 'string' },
    'api-port': { type: 'string' },
    host: { type: 'string' },
    'data-dir': { type: 'string' },
    config: { type: 'string' },
    demo: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  const port = str(values.port);
  const apiPort = str(values['api-port']);
  return {
    port: port !== undefined ? parsePort(port, '--port') : 5173,
    apiPort: apiPort !== undefined ? parsePort(apiPort, '--api-port') : 8081,
    host: str(values.host) ?? (env.HOST || '127.0.0.1'),
    dataDir: str(values['data-dir']) ?? (env.KMS_DATA_DIR || '.kms-data'),
    configPath: str(values.config) ?? (env.KMS_EMULATOR_CONFIG || undefined),
    demo: values.demo === true,
    help: values.help === true,
  };
}

/** Whether an address to bind keeps the server on this machine (the Host check's own rule). */
export const isLoopback = isLoopbackHost;

/** `http://host:port` with IPv6 hosts bracketed and wildcard hosts shown as loopback. */
export function originFor(host: string, port: number): string {
  const shown = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
}

/**
 * The URL that signs a browser in once: a single-use, short-lived code in the fragment (never
 * sent to the server with the page), which the console redeems at the same origin.
 */
export function signInUrl(origin: string, code: string): string {
  return `${origin}/#code=${encodeURIComponent(code)}`;
}
