import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newestMtime, staleReason, swapInto } from './build';

let root: string;
const T0 = new Date('2026-01-01T00:00:00Z');
const BUILT = new Date('2026-01-02T00:00:00Z');
const LATER = new Date('2026-01-03T00:00:00Z');

async function put(relative: string, when: Date) {
  const file = path.join(root, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, relative);
  await utimes(file, when, when);
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'console-build-'));
  await put('src/main.tsx', T0);
  await put('src/features/keys/list.tsx', T0);
  await put('index.html', T0);
  await put('vite.config.ts', T0);
  await put('public/favicon.svg', T0);
  await put('README.md', LATER);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('staleReason', () => {
  it('asks for a build when dist has no index.html', async () => {
    expect(await staleReason(root)).toBe('dist/ has no build yet');
    await put('dist/assets/old.js', BUILT);
    expect(await staleReason(root)).toBe('dist/ has no build yet');
  });

  it('is satisfied by a build newer than every input (other files do not count)', async () => {
    await put('dist/index.html', BUILT);
    expect(await staleReason(root)).toBeNull();
  });

  it.each([
    ['src/features/keys/list.tsx', 'src'],
    ['src/features/new-folder/new-file.ts', 'src'],
    ['index.html', 'index.html'],
    ['vite.config.ts', 'vite.config.ts'],
    ['public/robots.txt', 'public'],
  ])('asks for a build when %s is newer than the build', async (file, input) => {
    await put('dist/index.html', BUILT);
    await put(file, LATER);
    expect(await staleReason(root)).toBe(`${input} changed since the last build`);
  });

  it('copes with a project without public/', async () => {
    await rm(path.join(root, 'public'), { recursive: true });
    await put('dist/index.html', BUILT);
    expect(await staleReason(root)).toBeNull();
  });
});

describe('newestMtime', () => {
  it('is 0 for a missing path and the newest file time for a folder', async () => {
    expect(await newestMtime(path.join(root, 'nope'))).toBe(0);
    await put('src/deep/er/file.ts', LATER);
    expect(await newestMtime(path.join(root, 'src'))).toBe(LATER.getTime());
  });
});

describe('swapInto', () => {
  it('replaces dist with the staged build and removes the old one', async () => {
    await put('dist/index.html', T0);
    await put('dist/assets/old-111.js', T0);
    await put('staging/index.html', LATER);
    await put('staging/assets/new-222.js', LATER);
    await swapInto(path.join(root, 'staging'), path.join(root, 'dist'));
    expect((await readdir(path.join(root, 'dist', 'assets'))).sort()).toEqual(['new-222.js']);
    expect(await readFile(path.join(root, 'dist', 'index.html'), 'utf8')).toBe(
      'staging/index.html',
    );
    expect((await readdir(root)).sort()).toEqual([
      'README.md',
      'dist',
      'index.html',
      'public',
      'src',
      'vite.config.ts',
    ]);
  });

  it('works when there was no dist yet', async () => {
    await put('staging/index.html', LATER);
    await swapInto(path.join(root, 'staging'), path.join(root, 'dist'));
    expect(await staleReason(root)).toBeNull();
    expect(await readdir(root)).not.toContain('staging');
  });
});
