/**
 * The emulator's encrypt (1 KiB) at concurrency 32 against a bare node:http server answering
 * the same JSON (bench/bare-server.ts), run alternately in one run so machine noise hits both
 * alike. Every figure is the median of the runs.
 */
import { median, runLoad, type LoadResult } from './load';

export interface EncryptFigures {
  concurrency: number;
  requestsPerRun: number;
  emulatorPerSecond: number;
  emulatorP50Ms: number;
  emulatorP95Ms: number;
  barePerSecond: number;
  bareP50Ms: number;
  bareP95Ms: number;
  ratioEmulatorOverBare: number;
  ratioBareOverEmulator: number;
  /** The emulator/bare ratio of each run (alternate runs paired), for the spread. */
  ratioPerRun: number[];
  errors: number;
}

const round = (n: number) => Math.round(n * 100) / 100;

export async function measureEncrypt(options: {
  /** The emulator's encrypt URL. */
  encryptUrl: string;
  /** The bare server's URL. */
  bareUrl: string;
  headers: Record<string, string>;
  runs: number;
  total?: number;
}): Promise<EncryptFigures> {
  const plaintext = Buffer.alloc(1024, 7).toString('base64');
  const body = JSON.stringify({ plaintext });
  const concurrency = 32;
  const total = options.total ?? 4000;
  const emulator = (n: number) =>
    runLoad({
      url: options.encryptUrl,
      method: 'POST',
      headers: options.headers,
      body,
      total: n,
      concurrency,
    });
  const bare = (n: number) =>
    runLoad({ url: options.bareUrl, method: 'POST', body, total: n, concurrency });
  // Warm both up (JIT, caches, the database's pages), then alternate.
  await emulator(500);
  await bare(500);
  const emulatorRuns: LoadResult[] = [];
  const bareRuns: LoadResult[] = [];
  for (let i = 0; i < options.runs; i++) {
    emulatorRuns.push(await emulator(total));
    bareRuns.push(await bare(total));
  }
  const emulatorRps = median(emulatorRuns.map((r) => r.perSecond));
  const bareRps = median(bareRuns.map((r) => r.perSecond));
  return {
    concurrency,
    requestsPerRun: total,
    emulatorPerSecond: Math.round(emulatorRps),
    emulatorP50Ms: round(median(emulatorRuns.map((r) => r.p50Ms))),
    emulatorP95Ms: round(median(emulatorRuns.map((r) => r.p95Ms))),
    barePerSecond: Math.round(bareRps),
    bareP50Ms: round(median(bareRuns.map((r) => r.p50Ms))),
    bareP95Ms: round(median(bareRuns.map((r) => r.p95Ms))),
    ratioEmulatorOverBare: round(emulatorRps / bareRps),
    ratioBareOverEmulator: round(bareRps / emulatorRps),
    ratioPerRun: emulatorRuns.map((r, i) => round(r.perSecond / bareRuns[i]!.perSecond)),
    errors: emulatorRuns.reduce((n, r) => n + r.errors, 0),
  };
}
