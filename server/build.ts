import { readdir, stat } from 'node:fs/promises';
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

/** Builds the console with Vite's JS API when dist/ is missing or stale. */
export async function ensureBuilt(
  root: string,
  log: (line: string) => void = console.log,
): Promise<void> {
  const reason = await staleReason(root);
  if (reason === null) return;
  log(`Building the console (${reason})...`);
  const { build } = await import('vite');
  await build({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'warn',
    mode: 'production',
  });
  log('Console built.');
}
