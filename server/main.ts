import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  originFor,
  parseStartArgs,
  signInUrl,
  START_USAGE,
  UsageError,
  type StartOptions,
} from './args';
import { createConsoleServer, type ApiHandler } from './console-server';
import { ensureBuilt } from './build';
import { listen, ListenError } from './listen';
import { createUpstreamProxy } from './upstream';

export { createConsoleServer } from './console-server';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Backend {
  api: ApiHandler;
  emulator?: ApiHandler;
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
  return {
    api: handler,
    emulator: handler,
    banner: (origin) => [
      `KMS console with the local emulator (data in ${path.resolve(options.dataDir)})`,
      ...(options.testControls ? ['Emulator test controls are ON (/_emulator/...)'] : []),
      '',
      'Open this URL to sign in (the token leaves the address bar at once):',
      `  ${signInUrl(origin, emulator.token, emulator.organisation)}`,
    ],
    close: () => emulator.close(),
  };
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

function fail(message: string, code = 1): never {
  console.error(`Error: ${message}`);
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

  try {
    await ensureBuilt(ROOT);
  } catch (error) {
    fail(`the console did not build: ${error instanceof Error ? error.message : String(error)}`);
  }

  let backend: Backend;
  try {
    backend = options.upstream ? upstreamBackend(options.upstream) : await emulatorBackend(options);
  } catch (error) {
    fail(`the emulator did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  const app = createConsoleServer({
    distDir: path.join(ROOT, 'dist'),
    api: backend.api,
    ...(backend.emulator ? { emulator: backend.emulator } : {}),
  });

  let server;
  try {
    server = await listen(app.fetch, options.port, options.host);
  } catch (error) {
    await backend.close();
    if (error instanceof ListenError) fail(error.message);
    throw error;
  }

  const origin = originFor(options.host, server.port);
  console.log(
    [`Listening on ${origin}`, ...backend.banner(origin), '', 'Press Ctrl+C to stop.'].join('\n'),
  );

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
      await backend.close();
      process.exit(0);
    } catch (error) {
      console.error(
        `Error while shutting down: ${error instanceof Error ? error.message : String(error)}`,
      );
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
});
