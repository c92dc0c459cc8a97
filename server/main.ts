import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  isLoopback,
  originFor,
  parseStartArgs,
  signInUrl,
  START_USAGE,
  UsageError,
  type StartOptions,
} from './args';
import { createConsoleServer, createStartingServer, type ApiHandler } from './console-server';
import { ensureBuilt } from './build';
import { listen, ListenError, type Listening } from './listen';
import { createUpstreamProxy } from './upstream';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Backend {
  api: ApiHandler;
  emulator?: ApiHandler;
  /** A new one-time sign-in link (emulator only). */
  signInLink?: (origin: string) => string;
  /** What to print once listening. */
  banner(origin: string): string[];
  close(): Promise<void>;
}

async function emulatorBackend(options: StartOptions): Promise<Backend> {
  const { createEmulator } = await import('./emulator');
  const emulator = await createEmulator({
    dataDir: path.resolve(options.dataDir),
    ...(options.configPath !== undefined ? { configPath: path.resolve(options.configPath) } : {}),
    testControls: options.testControls,
    demo: options.demo,
    log: (line) => console.log(`[emulator] ${line}`),
  });
  const handler: ApiHandler = (request) => emulator.app.fetch(request);
  const signInLink = (origin: string) => signInUrl(origin, emulator.issueSignInCode().code);
  return {
    api: handler,
    emulator: handler,
    signInLink,
    banner: (origin) => [
      `KMS console with the local emulator (data in ${path.resolve(options.dataDir)})`,
      ...(options.testControls ? ['Emulator test controls are ON (/_emulator/...)'] : []),
      '',
      'Open this link to sign in (it works once, within 10 minutes):',
      `  ${signInLink(origin)}`,
      ...(process.stdin.isTTY ? ['Press Enter for a new link.'] : []),
      '',
      `For API use (curl, Terraform, client-go), the token is ${emulator.tokenLocation}.`,
    ],
    close: () => emulator.close(),
  };
}

/** In a terminal, Enter prints a fresh sign-in link (the printed one works once). */
function offerNewLinks(newLink: () => string): void {
  if (!process.stdin.isTTY) return;
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', () => {
    console.log(`New sign-in link (works once, within 10 minutes):\n  ${newLink()}`);
  });
}

function upstreamBackend(upstream: URL): Backend {
  return {
    api: createUpstreamProxy({ baseUrl: upstream }),
    banner: (origin) => [
      `KMS console for ${upstream.origin}${upstream.pathname.replace(/\/$/, '')} (requests pass through; nothing is stored)`,
      '',
      'Open this URL and sign in with your token:',
      `  ${origin}/`,
    ],
    close: async () => {},
  };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function fail(text: string, code = 1): never {
  console.error(`Error: ${text}`);
  process.exit(code);
}

async function main(): Promise<void> {
  let options: StartOptions;
  try {
    options = parseStartArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`Error: ${error.message}\n\n${START_USAGE}`);
      process.exit(2);
    }
    throw error;
  }
  if (options.help) {
    process.stdout.write(START_USAGE);
    return;
  }

  // Take the port first: a taken port fails at once, not after a build. Until the console is
  // ready every request gets a 503 "starting" (health checks keep waiting on it).
  let handle: ApiHandler = createStartingServer().fetch;
  let server: Listening;
  try {
    server = await listen((request) => handle(request), options.port, options.host);
  } catch (error) {
    if (error instanceof ListenError) fail(error.message);
    throw error;
  }

  let backend: Backend | undefined;
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      console.error(`${signal} again: exiting now.`);
      process.exit(1);
    }
    stopping = true;
    console.log(`\n${signal}: shutting down...`);
    try {
      await server.close();
      await backend?.close();
      process.exit(0);
    } catch (error) {
      console.error(`Error while shutting down: ${message(error)}`);
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  const abort = async (what: string, error: unknown): Promise<never> => {
    await server.close();
    fail(`${what}: ${message(error)}`);
  };

  try {
    await ensureBuilt(ROOT);
  } catch (error) {
    await abort('the console did not build', error);
  }
  try {
    backend = options.upstream ? upstreamBackend(options.upstream) : await emulatorBackend(options);
  } catch (error) {
    await abort('the emulator did not start', error);
  }
  if (stopping || !backend) return;
  handle = createConsoleServer({
    distDir: path.join(ROOT, 'dist'),
    api: backend.api,
    ...(backend.emulator ? { emulator: backend.emulator } : {}),
  }).fetch;

  const origin = originFor(options.host, server.port);
  console.log(
    [`Listening on ${origin}`, ...backend.banner(origin), '', 'Press Ctrl+C to stop.'].join('\n'),
  );
  const { signInLink } = backend;
  if (signInLink) offerNewLinks(() => signInLink(origin));
  if (!isLoopback(options.host)) {
    console.warn(
      `Warning: bound to ${options.host}, so other machines can reach this server; only the token protects the API.`,
    );
  }
}

main().catch((error: unknown) => {
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
});
