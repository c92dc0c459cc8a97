import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { createApp } from './http/emulator-app';
import { createSystemClock } from './clock';
import type { Clock } from './clock';
import { loadConfig } from './config';
import { seedDemo } from './demo';
import { createScheduler } from './scheduler';
import { createKeyService } from './domain/key-service';
import { ensureDataDir, loadOrCreateSecretFile } from './data-dir';
import { createSignInCodes } from './sign-in-codes';
import { registerSignInRoutes } from './http/sign-in-routes';
import { openStore } from './store/store';

export type { Clock } from './clock';
export { createManualClock, createSystemClock } from './clock';

export interface EmulatorOptions {
  /** Created if missing (default chosen by callers: .kms-data/). */
  dataDir: string;
  /** JSON file replacing the default organisations/projects/regions. */
  configPath?: string;
  /** Enables /_emulator/* routes; never on by default. */
  testControls?: boolean;
  /** Seed the demo set once. */
  demo?: boolean;
  /** Else KMS_EMULATOR_TOKEN, else generated once and stored in the data dir. */
  token?: string;
  /** Never given plaintext, material or tokens. */
  log?: (line: string) => void;
  /** Injectable clock (tests); default real time plus the offset test controls added. */
  clock?: Clock;
  /** Run the hourly rotation/purge check on a timer (default true). */
  scheduler?: boolean;
}

export interface Emulator {
  /** Serves /v1/* (and /_emulator/* with testControls); mount-able under '/'. */
  app: Hono;
  token: string;
  /** Default organisation identity for the sign-in URL ('org-local'). */
  organisation: string;
  /** A new single-use sign-in code for `organisation` (10 minutes), for the printed link. */
  issueSignInCode(): { code: string; expiresAt: Date };
  /** Stops timers, closes the database. */
  close(): Promise<void>;
  /** Where the token came from; 'generated' only on the run that created the token file. */
  tokenSource: 'option' | 'env' | 'file' | 'generated';
  /** Path of the token file when the token lives in the data folder. */
  tokenFile?: string;
  /** Where a person can read the token for API use, e.g. "in .kms-data/token"; never the token. */
  tokenLocation: string;
  /** Number of demo keys seeded by this start (0 when none or already seeded). */
  demoKeysSeeded: number;
}

const TOKEN_FILE = 'token';
const CLOCK_OFFSET_META = 'clock_offset_ms';

function validToken(value: string, where: string): string {
  const token = value.trim();
  if (!/^\S{8,512}$/.test(token))
    throw new Error(`${where}: the token must be 8 to 512 characters without spaces`);
  return token;
}

function resolveToken(
  options: EmulatorOptions,
): Pick<Emulator, 'token' | 'tokenSource' | 'tokenFile'> {
  if (options.token !== undefined)
    return { token: validToken(options.token, 'token option'), tokenSource: 'option' };
  const env = process.env.KMS_EMULATOR_TOKEN;
  if (env !== undefined && env !== '')
    return { token: validToken(env, 'KMS_EMULATOR_TOKEN'), tokenSource: 'env' };
  const file = loadOrCreateSecretFile(
    options.dataDir,
    TOKEN_FILE,
    () => `kmse_${randomBytes(24).toString('base64url')}\n`,
  );
  return {
    token: validToken(file.value.toString('utf8'), file.path),
    tokenSource: file.created ? 'generated' : 'file',
    tokenFile: file.path,
  };
}

export async function createEmulator(options: EmulatorOptions): Promise<Emulator> {
  const log = options.log ?? (() => undefined);
  const config = loadConfig(options.configPath);
  ensureDataDir(options.dataDir, log);
  const token = resolveToken(options);
  const store = openStore(options.dataDir);
  try {
    const storedOffset = Number(store.getMeta(CLOCK_OFFSET_META) ?? '0');
    const clock =
      options.clock ?? createSystemClock(Number.isFinite(storedOffset) ? storedOffset : 0);
    const service = createKeyService({ store, clock, config });
    const scheduler = createScheduler({ store, clock, service, log });

    const demoKeysSeeded = options.demo ? await seedDemo({ store, clock, config, service }) : 0;
    if (demoKeysSeeded > 0) log(`demo: seeded ${demoKeysSeeded} keys`);
    // Catch up on rotations and purges that fell due while the emulator was not running.
    await scheduler.tick();
    if (options.scheduler !== false) scheduler.start();

    const app = createApp({
      store,
      clock,
      config,
      service,
      scheduler,
      token: token.token,
      log,
      testControls: options.testControls === true,
      onClockAdvanced: () => {
        if (!options.clock) store.setMeta(CLOCK_OFFSET_META, String(clock.offsetMs()));
      },
    });

    const organisation =
      config.organisations.find((o) => o.kmsEnabled)?.identity ??
      config.organisations[0]?.identity ??
      'org-local';
    const signInCodes = createSignInCodes();
    registerSignInRoutes(app, {
      codes: signInCodes,
      token: token.token,
      config,
      organisation,
      testControls: options.testControls === true,
    });
    let closed = false;
    return {
      app,
      ...token,
      organisation,
      issueSignInCode: () => signInCodes.issue(organisation),
      tokenLocation:
        token.tokenSource === 'env'
          ? 'the value of KMS_EMULATOR_TOKEN'
          : token.tokenFile
            ? `in ${token.tokenFile}`
            : 'the one given to the emulator',
      demoKeysSeeded,
      async close() {
        if (closed) return;
        closed = true;
        await scheduler.stop();
        store.close();
      },
    };
  } catch (error) {
    store.close();
    throw error;
  }
}
