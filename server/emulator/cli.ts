import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EMULATOR_ARG_OPTIONS } from '../args';
import type { StartOptions } from '../args';
import { listen, ListenError } from '../listen';
import { createEmulator } from './index';

/** `npm run emulator`: the KMS emulator on its own (the API only, no console). */
const HELP = `Usage: npm run emulator -- [options]

Runs the local Thalassa Cloud KMS emulator (the /v1 API only; \`npm start\` also serves the console).

Options:
  --port <n>          Port to listen on (env PORT; default 8080; 0 picks a free port)
  --host <address>    Address to bind (default 127.0.0.1; the emulator is meant for this machine)
  --data-dir <path>   Data folder: SQLite database, root key, token (env KMS_DATA_DIR; default .kms-data)
  --config <file>     JSON file replacing the default organisations, projects and regions
                      (env KMS_EMULATOR_CONFIG)
  --demo              Seed a realistic demo set of keys once (only into a folder not seeded before)
  --test-controls     Enable /_emulator/* routes (clock, seeding) for tests; never use otherwise
  --help              Show this help

Token: KMS_EMULATOR_TOKEN if set, else the one stored in <data-dir>/token (generated on first
start; read it from that file, it is never printed). Send it as "Authorization: Bearer <token>" with
"X-Organisation-Identity: org-local" (and optionally "X-Project-Identity: proj-web").

Defaults: organisation org-local (slug local, KMS on, projects proj-web and proj-ci), organisation
org-nokms (KMS off: 403), regions nl-01 and nl-02 (available) and de-01 (no KMS: 503).
`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${HELP}`);
  process.exit(2);
}

/** The options of `npm start` but the upstream. */
type CliOptions = Omit<StartOptions, 'upstream' | 'help'>;

/** The options of the command line and environment; undefined when only help was asked for. */
function parseOptions(): CliOptions | undefined {
  let values;
  try {
    ({ values } = parseArgs({
      options: EMULATOR_ARG_OPTIONS,
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return undefined;
  const portText = values.port ?? process.env.PORT ?? '8080';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) fail(`Invalid port: ${portText}`);
  const configPath = values.config ?? process.env.KMS_EMULATOR_CONFIG;
  return {
    port,
    host: values.host ?? '127.0.0.1',
    dataDir: resolve(values['data-dir'] ?? process.env.KMS_DATA_DIR ?? '.kms-data'),
    configPath: configPath !== undefined && configPath !== '' ? resolve(configPath) : undefined,
    demo: values.demo === true,
    testControls: values['test-controls'] === true,
  };
}

type Emulator = Awaited<ReturnType<typeof createEmulator>>;
type Server = Awaited<ReturnType<typeof listen>>;

function printBanner(options: CliOptions, emulator: Emulator, port: number): void {
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  const lines = [
    `Thalassa KMS emulator listening on http://${shownHost}:${port}`,
    `Data folder: ${options.dataDir}`,
    `Organisation: ${emulator.organisation}`,
  ];
  // Never the token itself: terminal output ends up in scrollback, logs and screenshots.
  lines.push(`API token: ${emulator.tokenLocation}`);
  if (emulator.demoKeysSeeded > 0) lines.push(`Demo: seeded ${emulator.demoKeysSeeded} keys`);
  if (options.testControls)
    lines.push(
      'Test controls enabled: /_emulator/clock, /_emulator/seed-keys, /_emulator/seed-versions',
    );
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Listens with the same connection limits and Host check as `npm start` (see ../listen.ts). */
async function listenOrExit(emulator: Emulator, options: CliOptions): Promise<Server> {
  try {
    return await listen((request) => emulator.app.fetch(request), options.port, options.host);
  } catch (error) {
    await emulator.close();
    if (error instanceof ListenError) {
      process.stderr.write(`kms-emulator: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** Ctrl+C and SIGTERM close the server, then the emulator (at most three seconds). */
function stopOnSignals(server: Server, emulator: Emulator): void {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void server
      .close()
      .then(() => emulator.close())
      .then(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main(): Promise<void> {
  const options = parseOptions();
  if (!options) {
    process.stdout.write(HELP);
    return;
  }
  const log = (line: string) => process.stderr.write(`[kms-emulator] ${line}\n`);
  const emulator = await createEmulator({
    dataDir: options.dataDir,
    configPath: options.configPath,
    demo: options.demo,
    testControls: options.testControls,
    log,
  });
  const server = await listenOrExit(emulator, options);
  printBanner(options, emulator, server.port);
  stopOnSignals(server, emulator);
}

main().catch((error: unknown) => {
  process.stderr.write(`kms-emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
