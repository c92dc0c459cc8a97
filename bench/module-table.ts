/**
 * What each built chunk is made of, from the bundler's own output: a build plugin records every
 * chunk's modules (rendered code, after tree-shaking), and `composition` turns the chunks a
 * route loaded into a table of its biggest parts. Modules from node_modules are grouped by
 * package (zod's hundred files are one row); the console's own modules are listed by file.
 */
import { gzipSync } from 'node:zlib';
import { minifySync, type Plugin } from 'vite';

export interface ChunkStats {
  fileName: string;
  isEntry: boolean;
  /** Static imports: chunks that load with this one. */
  imports: string[];
  /** Minified size of the chunk, and its gzip (level 9). */
  raw: number;
  gzip: number;
  /** Each module's weight in the chunk: the gzip size of its rendered code, minified alone. */
  modules: Record<string, number>;
}

export type BuildStats = Record<string, ChunkStats>;

/** A build plugin that fills `into` with the chunks of the build and their modules. */
export function moduleStatsPlugin(into: BuildStats): Plugin {
  return {
    name: 'bench-module-stats',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const modules: Record<string, number> = {};
        for (const [id, info] of Object.entries(output.modules)) {
          if (info.code && info.renderedLength > 0) modules[id] = minifiedGzip(id, info.code);
        }
        into[output.fileName] = {
          fileName: output.fileName,
          isEntry: output.isEntry,
          imports: [...output.imports],
          raw: Buffer.byteLength(output.code),
          gzip: gzipSync(output.code, { level: 9 }).length,
          modules,
        };
      }
    },
  };
}

function minifiedGzip(id: string, code: string): number {
  let min = code;
  try {
    min = minifySync(id.replace(/\?.*$/, '').replace(/\.(tsx?|jsx|cjs|mjs)$/, '.js'), code).code;
  } catch {
    /* measured unminified */
  }
  return gzipSync(min, { level: 9 }).length;
}

/** `react-dom` for …/node_modules/react-dom/cjs/x.js, `@scope/name` for scoped packages; else a path. */
export function moduleGroup(id: string, root: string): string {
  const clean = id.replace(/^\0/, '').replace(/\?.*$/, '');
  const at = clean.lastIndexOf('/node_modules/');
  if (at >= 0) {
    const parts = clean.slice(at + '/node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  return clean.startsWith(root) ? clean.slice(root.length).replace(/^\//, '') : clean;
}

export interface CompositionRow {
  /** A package, or a file of the console. */
  module: string;
  /** Its share of the route's gzip JS (the chunk's gzip split by module weight), kB. */
  gzipKb: number;
  /** Percent of the route's JS. */
  percent: number;
}

/**
 * The biggest parts of the JS a route loaded (`files`: the chunk file names it fetched). Each
 * chunk's gzip size is shared among its modules by their weight (each minified and gzipped
 * alone): an estimate per module whose rows add up to the route's real total.
 */
export function composition(
  stats: BuildStats,
  files: readonly string[],
  root: string,
  top = 12,
): { totalGzipKb: number; rows: CompositionRow[] } {
  const groups = new Map<string, number>();
  let total = 0;
  for (const file of files) {
    const chunk = stats[file];
    if (!chunk) continue;
    total += chunk.gzip;
    const weight = Object.values(chunk.modules).reduce((a, b) => a + b, 0) || 1;
    for (const [id, length] of Object.entries(chunk.modules)) {
      const group = moduleGroup(id, root);
      groups.set(group, (groups.get(group) ?? 0) + (chunk.gzip * length) / weight);
    }
  }
  const rows = [...groups.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([module, bytes]) => ({
      module,
      gzipKb: Math.round(bytes / 100) / 10,
      percent: Math.round((bytes / (total || 1)) * 1000) / 10,
    }));
  return { totalGzipKb: Math.round(total / 100) / 10, rows };
}

/** Every chunk a chunk statically pulls in (itself first): what loads when it is imported. */
export function staticClosure(stats: BuildStats, file: string): string[] {
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const i of stats[f]?.imports ?? []) visit(i);
  };
  visit(file);
  return [...seen];
}
