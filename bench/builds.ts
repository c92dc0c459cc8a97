/**
 * The two builds the bench compares: the console (into dist/, as `npm start` serves it) and the
 * floor app (bench/floor/: the console's stack and nothing else), each with the module stats of
 * every chunk (module-table.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { moduleStatsPlugin, type BuildStats } from './module-table';

export const FLOOR_BASE = '/__bench/floor/';

/** Builds the console into `root`/dist with its own config; `npm start` then finds it fresh. */
export async function buildConsole(root: string): Promise<BuildStats> {
  const stats: BuildStats = {};
  await build({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'warn',
    mode: 'production',
    build: { outDir: path.join(root, 'dist'), emptyOutDir: true },
    plugins: [moduleStatsPlugin(stats)],
  });
  return stats;
}

/** Builds the floor app (same React, router, query, contract and build target) into `outDir`. */
export async function buildFloor(root: string, outDir: string): Promise<BuildStats> {
  const stats: BuildStats = {};
  await build({
    root: path.join(root, 'bench/floor'),
    configFile: false,
    base: FLOOR_BASE,
    logLevel: 'warn',
    mode: 'production',
    resolve: { alias: { '@': path.join(root, 'src') } },
    plugins: [react(), moduleStatsPlugin(stats)],
    build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: false },
  });
  return stats;
}

/** Serves a built app's file for a path under its base (index.html for any route). */
export async function floorFile(
  outDir: string,
  urlPath: string,
): Promise<{ body: Buffer; contentType: string }> {
  const rel = urlPath.slice(FLOOR_BASE.length);
  const isAsset = rel.startsWith('assets/') && !rel.includes('..');
  const file = path.join(outDir, isAsset ? rel : 'index.html');
  const contentType = file.endsWith('.js')
    ? 'text/javascript'
    : file.endsWith('.css')
      ? 'text/css'
      : 'text/html';
  return { body: await readFile(file), contentType };
}
