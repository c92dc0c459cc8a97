import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ensureDataDir } from './data-dir';
import { createEmulator } from './index';
import { tempDataDir } from './test-support';

const mode = (path: string) => statSync(path).mode & 0o777;

const dirs: string[] = [];
let umask: number;

beforeEach(() => {
  // The usual umask: without care, new files would be 0644 and the folder 0755.
  umask = process.umask(0o022);
  // The token file is only written when no token comes from elsewhere.
  vi.stubEnv('KMS_EMULATOR_TOKEN', '');
});

afterEach(() => {
  process.umask(umask);
  vi.unstubAllEnvs();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function newDir(): string {
  const parent = tempDataDir();
  dirs.push(parent);
  return join(parent, 'data');
}

let runs = 0;

/** Starts the emulator over `dataDir`, does one write, stops; returns what it logged. */
async function runOnce(dataDir: string): Promise<string[]> {
  runs += 1;
  const lines: string[] = [];
  const emulator = await createEmulator({ dataDir, scheduler: false, log: (l) => lines.push(l) });
  const res = await emulator.app.request('/v1/kms/nl-01/keys', {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${emulator.token}`,
      'X-Organisation-Identity': emulator.organisation,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ name: `mode check ${runs}`, keyType: 'aes256-gcm96' }),
  });
  expect(res.status).toBe(201);
  // The -wal and -shm files exist while the database is open: check them now.
  expectPrivate(dataDir, ['kms.sqlite', 'kms.sqlite-wal', 'kms.sqlite-shm', 'root.key', 'token']);
  await emulator.close();
  return lines;
}

function expectPrivate(dataDir: string, expected: string[]) {
  expect(mode(dataDir).toString(8)).toBe('700');
  const files = readdirSync(dataDir);
  expect(files).toEqual(expect.arrayContaining(expected));
  for (const name of files)
    expect(`${name} ${mode(join(dataDir, name)).toString(8)}`).toBe(`${name} 600`);
}

describe('the data folder is private', () => {
  it('is created 0700 with every file 0600, and stays so after a restart', async () => {
    const dataDir = newDir();
    expect(await runOnce(dataDir)).not.toContainEqual(expect.stringContaining('Warning'));
    expectPrivate(dataDir, ['kms.sqlite', 'root.key', 'token']);
    expect(await runOnce(dataDir)).not.toContainEqual(expect.stringContaining('Warning'));
    expectPrivate(dataDir, ['kms.sqlite', 'root.key', 'token']);
  });

  it('tightens a folder and files others can read, and says what it changed', async () => {
    const dataDir = newDir();
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    writeFileSync(join(dataDir, 'root.key'), randomBytes(32), { mode: 0o644 });
    writeFileSync(join(dataDir, 'token'), 'kmse_pre-existing-token\n', { mode: 0o640 });
    writeFileSync(join(dataDir, 'notes.txt'), 'left by someone', { mode: 0o666 });
    chmodSync(join(dataDir, 'notes.txt'), 0o666);

    const lines = await runOnce(dataDir);
    expectPrivate(dataDir, ['root.key', 'token', 'notes.txt']);
    expect(lines).toEqual(
      expect.arrayContaining([
        `Warning: the data folder ${dataDir} was open to other users (mode 0755); changed it to 0700.`,
        `Warning: the data file ${join(dataDir, 'root.key')} was open to other users (mode 0644); changed it to 0600.`,
        `Warning: the data file ${join(dataDir, 'token')} was open to other users (mode 0640); changed it to 0600.`,
        `Warning: the data file ${join(dataDir, 'notes.txt')} was open to other users (mode 0666); changed it to 0600.`,
      ]),
    );
  });

  it('tightens a database and WAL left readable by an earlier version', async () => {
    const dataDir = newDir();
    await runOnce(dataDir);
    for (const name of readdirSync(dataDir)) chmodSync(join(dataDir, name), 0o644);
    const lines = await runOnce(dataDir);
    expect(lines).toContainEqual(
      expect.stringContaining(`${join(dataDir, 'kms.sqlite')} was open`),
    );
  });

  it.skipIf(process.getuid?.() !== 0)(
    'refuses a folder that belongs to another user, saying how to fix it',
    () => {
      const dataDir = newDir();
      mkdirSync(dataDir, { mode: 0o700 });
      chownSync(dataDir, 12345, 12345);
      expect(() => ensureDataDir(dataDir, () => undefined)).toThrow(
        /belongs to another user \(uid 12345; this process runs as uid 0\)\. Use a data folder of your own \(--data-dir\) or give it to this user \(chown\)\./,
      );
    },
  );
});
