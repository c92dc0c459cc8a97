import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from 'hono';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** Vite puts content-hashed files under /assets/: they never change, so cache them for good. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path onto a file inside distDir, or null when it would leave the folder or is not
 * a well-formed path (encoded slashes, NUL bytes, bad escapes).
 */
export function resolveInside(distDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || /%2f/i.test(urlPath)) return null;
  const root = path.resolve(distDir);
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

type FileStats = Awaited<ReturnType<typeof stat>>;

async function fileStats(file: string): Promise<FileStats | null> {
  try {
    const info = await stat(file);
    return info.isFile() ? info : null;
  } catch {
    return null;
  }
}

/** Changes whenever a build rewrites the file: lets no-cache revalidation end in a cheap 304. */
export function etagFor(info: FileStats): string {
  return `W/"${info.size.toString(16)}-${Math.floor(Number(info.mtimeMs)).toString(16)}"`;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*');
}

async function fileResponse(
  c: Context,
  file: string,
  info: FileStats,
  cacheControl: string,
): Promise<Response> {
  const etag = etagFor(info);
  const headers = {
    'Content-Type': contentTypeFor(file),
    'Cache-Control': cacheControl,
    ETag: etag,
  };
  if (matches(c.req.header('If-None-Match'), etag)) {
    return new Response(null, { status: 304, headers });
  }
  // HEAD gets the headers only; Node computes nothing from a null body, so say the length.
  if (c.req.method === 'HEAD') {
    return new Response(null, {
      status: 200,
      headers: { ...headers, 'Content-Length': String(info.size) },
    });
  }
  return new Response(new Uint8Array(await readFile(file)), { status: 200, headers });
}

/**
 * Serves the built console: files from distDir, and index.html for every other GET so that the
 * client-side router handles deep links. A missing /assets/ file is a real 404 (an old tab asking
 * for a bundle of a previous build must not get HTML back).
 */
export function serveDist(distDir: string) {
  const indexFile = path.join(distDir, 'index.html');
  return async (c: Context): Promise<Response> => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      return c.json({ message: 'Method not allowed' }, 405, { Allow: 'GET, HEAD' });
    }
    const urlPath = new URL(c.req.url).pathname;
    const file = resolveInside(distDir, urlPath);
    if (file === null) return c.json({ message: 'Bad path' }, 400);
    const info = file === path.resolve(indexFile) ? null : await fileStats(file);
    if (info) {
      const cacheControl = urlPath.startsWith('/assets/') ? IMMUTABLE : REVALIDATE;
      return fileResponse(c, file, info, cacheControl);
    }
    if (urlPath.startsWith('/assets/')) {
      return c.text('Not found', 404, { 'Cache-Control': REVALIDATE });
    }
    const indexInfo = await fileStats(indexFile);
    if (!indexInfo) {
      return c.text('The console is not built: run `npx vite build` or `npm start`.', 503);
    }
    return fileResponse(c, indexFile, indexInfo, REVALIDATE);
  };
}
