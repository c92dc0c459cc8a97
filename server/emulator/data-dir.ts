import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

/**
 * The emulator's data folder is private to the user running it: the folder 0700, every file in
 * it 0600 (SQLite database and its -wal/-shm, root key, token, anything else written there).
 * A folder or file others can read is tightened with a warning; one we cannot tighten, or one
 * that belongs to another user, stops the start with a message saying how to fix it.
 */

export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

export class DataDirError extends Error {
  override name = 'DataDirError';
}

export type Warn = (line: string) => void;

const defaultWarn: Warn = (line) => console.warn(line);
const octal = (mode: number) => `0${(mode & 0o777).toString(8)}`;

/** Strips group and other bits from a folder or file of ours; refuses one of another user. */
function makePrivate(path: string, warn: Warn): void {
  const info = statSync(path);
  const kind = info.isDirectory() ? 'folder' : 'file';
  const fix = info.isDirectory() ? `chmod 700 '${path}'` : `chmod 600 '${path}'`;
  const uid = process.getuid?.();
  if (uid !== undefined && info.uid !== uid) {
    throw new DataDirError(
      `The data ${kind} ${path} belongs to another user (uid ${info.uid}; this process runs as uid ${uid}). ` +
        'Use a data folder of your own (--data-dir) or give it to this user (chown).',
    );
  }
  if ((info.mode & 0o077) === 0) return;
  const tightened = info.mode & 0o700;
  try {
    chmodSync(path, tightened);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new DataDirError(
      `The data ${kind} ${path} can be read by other users (mode ${octal(info.mode)}) and could not be changed (${code}): run ${fix} and start again.`,
    );
  }
  warn(
    `Warning: the data ${kind} ${path} was open to other users (mode ${octal(info.mode)}); changed it to ${octal(tightened)}.`,
  );
}

/**
 * Creates the data folder (0700) if missing, and makes it and every file in it private. Links
 * and subfolders are left alone (the emulator writes neither).
 */
export function ensureDataDir(dataDir: string, warn: Warn = defaultWarn): void {
  mkdirSync(dataDir, { recursive: true, mode: DIR_MODE });
  makePrivate(dataDir, warn);
  for (const name of readdirSync(dataDir)) {
    const path = join(dataDir, name);
    if (lstatSync(path).isFile()) makePrivate(path, warn);
  }
}

/** Writes a file atomically with mode 0600 (temp file, fsync, rename). */
export function writeSecretFile(path: string, data: Buffer | string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', FILE_MODE);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/** Reads the data folder's secret file, or creates it with `make()` (mode 0600). */
export function loadOrCreateSecretFile(
  dataDir: string,
  name: string,
  make: () => Buffer | string,
  warn: Warn = defaultWarn,
): { value: Buffer; created: boolean; path: string } {
  const path = join(dataDir, name);
  if (existsSync(path)) {
    makePrivate(path, warn);
    return { value: readFileSync(path), created: false, path };
  }
  writeSecretFile(path, make());
  return { value: readFileSync(path), created: true, path };
}

/**
 * The path of the SQLite database, created empty with mode 0600 if missing, before SQLite opens
 * it: SQLite gives the -wal and -shm files the mode of the database file.
 */
export function prepareDatabaseFile(dataDir: string, name: string, warn: Warn = defaultWarn) {
  const path = join(dataDir, name);
  closeSync(openSync(path, 'a', FILE_MODE));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file)) makePrivate(file, warn);
  }
  return path;
}
