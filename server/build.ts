import { readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** What the console bundle is made of: a change in any of these makes dist/ stale. */
export const BUILD_INPUTS = ['src', 'index.html', 'vite.config.ts', 'public'] as const;

/** Newest modification time (ms) of a file or of any file below a folder; 0 if it is absent. */
export async function newestMtime(target: string): Promise<number> {
  let info;
  try {
    info = await stat(target);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(target, { withFileTypes: true });
  let newest = 0;
  for (const entry of entries) {
    newest = Math.max(newest, await newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

/**
 * Why dist/ must be (re)built, or null when it is up to date. dist/index.html is written at the
 * end of a build, so its time stands for the build's.
 */
export async function staleReason(
  root: string,
  distDir = path.join(root, 'dist'),
): Promise<string | null> {
  let builtAt: number;
  try {
    builtAt = (await stat(path.join(distDir, 'index.html'))).mtimeMs;
  } catch {
    return `${path.relative(root, distDir) || distDir}/ has no build yet`;
  }
  for (const input of BUILD_INPUTS) {
    if ((await newestMtime(path.join(root, input))) > builtAt)
      return `${input} changed since the last build`;
  }
  return null;
}

/**
 * Puts a finished build in place of distDir with two renames, so a server reading distDir (this
 * one or another `npm start` in the same checkout) never sees a half-emptied folder, and a
 * failed build leaves the previous one untouched. When another process swapped in its own
 * build at the same moment, that one wins and ours is dropped.
 */
export async function swapInto(staging: string, distDir: string): Promise<void> {
  const old = `${staging}-old`;
  let moved = false;
  try {
    await rename(distDir, old);
    moved = true;
  } catch (error) {
    if (!isCode(error, 'ENOENT')) throw error;
  }
  try {
    await rename(staging, distDir);
  } catch (error) {
    if (!isCode(error, 'ENOTEMPTY') && !isCode(error, 'EEXIST')) throw error;
    await rm(staging, { recursive: true, force: true });
  }
  if (moved) await rm(old, { recursive: true, force: true });
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}

/**
 * Builds the console with Vite's JS API when dist/ is missing or stale: into a staging folder
 * under node_modules/.cache (same disk, ignored by git and the linters), then swapped in.
 */
export async function ensureBuilt(
  root: string,
  log: (line: string) => void = console.log,
): Promise<void> {
  const reason = await staleReason(root);
  if (reason === null) return;
  log(`Building the console (${reason})...`);
  const staging = path.join(root, 'node_modules', '.cache', `kms-console-build-${process.pid}`);
  const { build } = await import('vite');
  try {
    await build({
      root,
      configFile: path.join(root, 'vite.config.ts'),
      logLevel: 'warn',
      mode: 'production',
      build: { outDir: staging, emptyOutDir: true },
    });
    await swapInto(staging, path.join(root, 'dist'));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  log('Console built.');
}
