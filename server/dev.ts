import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEV_USAGE, originFor, parseDevArgs, signInUrl, UsageError, type DevOptions } from './args';
import { listen, ListenError } from './listen';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function fail(message: string, code = 1): never {
  console.error(`Error: ${message}`);
  process.exit(code);
}

async function main(): Promise<void> {
  let options: DevOptions;
  try {
    options = parseDevArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`Error: ${error.message}\n\n${DEV_USAGE}`);
      process.exit(2);
    }
    throw error;
  }
  if (options.help) {
    process.stdout.write(DEV_USAGE);
    return;
  }

  const { createEmulator } = await import('./emulator');
  let emulator: Awaited<ReturnType<typeof createEmulator>>;
  try {
    emulator = await createEmulator({
      dataDir: path.resolve(options.dataDir),
      ...(options.configPath !== undefined ? { configPath: path.resolve(options.configPath) } : {}),
      testControls: false,
      demo: options.demo,
      log: (line) => console.log(`[emulator] ${line}`),
    });
  } catch (error) {
    fail(`the emulator did not start: ${error instanceof Error ? error.message : String(error)}`);
  }

  let api;
  try {
    api = await listen((request) => emulator.app.fetch(request), options.apiPort, options.host);
  } catch (error) {
    await emulator.close();
    if (error instanceof ListenError) fail(`${error.message.replace('--port', '--api-port')}`);
    throw error;
  }
  const apiOrigin = originFor(options.host, api.port);

  const { createServer } = await import('vite');
  const vite = await createServer({
    root: ROOT,
    configFile: path.join(ROOT, 'vite.config.ts'),
    server: {
      host: options.host,
      port: options.port,
      strictPort: true,
      // changeOrigin: the API listener checks Host (DNS rebinding) and expects its own.
      proxy: {
        '/v1': { target: apiOrigin, changeOrigin: true },
        '/_emulator': { target: apiOrigin, changeOrigin: true },
        '/_console': { target: apiOrigin, changeOrigin: true },
      },
    },
  });
  try {
    await vite.listen();
  } catch (error) {
    await api.close();
    await emulator.close();
    fail(error instanceof Error ? error.message : String(error));
  }

  const address = vite.httpServer?.address();
  const port = address !== null && typeof address === 'object' ? address.port : options.port;
  const origin = originFor(options.host, port);
  console.log(
    [
      `Vite dev server on ${origin} (hot reload); emulator API on ${apiOrigin} (data in ${path.resolve(options.dataDir)})`,
      '',
      'Open this link to sign in (it works once, within 10 minutes; restart for a new one):',
      `  ${signInUrl(origin, emulator.issueSignInCode().code)}`,
      '',
      `For API use (curl, Terraform, client-go), the token is ${emulator.tokenLocation}.`,
      '',
      'Press Ctrl+C to stop.',
    ].join('\n'),
  );

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`\n${signal}: shutting down...`);
    try {
      await vite.close();
      await api.close();
      await emulator.close();
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
