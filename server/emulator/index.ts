import { Hono } from 'hono';

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
}

export interface Emulator {
  /** Serves /v1/* (and /_emulator/* with testControls); mount-able under '/'. */
  app: Hono;
  token: string;
  /** Default organisation identity for the sign-in URL ('org-local'). */
  organisation: string;
  /** Stops timers, closes the database. */
  close(): Promise<void>;
}

export async function createEmulator(options: EmulatorOptions): Promise<Emulator> {
  const app = new Hono();
  app.all('*', (c) => c.json({ message: 'Emulator not ready yet' }, 503));
  return {
    app,
    token: options.token ?? process.env.KMS_EMULATOR_TOKEN ?? 'not-ready',
    organisation: 'org-local',
    close: async () => {},
  };
}
