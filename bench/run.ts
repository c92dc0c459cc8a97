/**
 * `npm run bench`: a benchmark, not a test. Builds the console, starts `npm start`'s server on a
 * temporary data folder seeded with a 10,000-key region and a 1,000-version key, measures in
 * headless Chromium and over loopback HTTP, prints the figures and writes bench/results.json.
 * It never fails on a time. Every figure is the median of several runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureAudit } from './audit';
import { measureAuditFirstRow, measureBrowser } from './browser';
import { buildConsole, buildFloor } from './builds';
import { measureEncrypt } from './encrypt';
import { median, runLoad } from './load';
import { routeReport } from './route-report';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TOKEN = 'bench-token-0001';
const ORG = 'org-local';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** Runs a TypeScript file under tsx; with `nodeArgs`, in one node process (for --cpu-prof). */
function startProcess(
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
  nodeArgs?: string[],
): Promise<{ child: ChildProcess; match: RegExpMatchArray }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      nodeArgs
        ? [...nodeArgs, '--import', 'tsx', ...args]
        : [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), ...args],
      {
        cwd: ROOT,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`timeout starting ${args.join(' ')}:\n${out}`)),
      180_000,
    );
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = out.match(ready);
      if (m) {
        clearTimeout(timer);
        resolve({ child, match: m });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited with ${code}:\n${out}`));
    });
  });
}

async function api(base: string, method: string, url: string, body?: unknown) {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: {
      Authorization: `Bearer ${TOKEN}`,
      'X-Organisation-Identity': ORG,
      'Content-Type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

const PARTS = process.env.BENCH_PARTS;
const HEADERS = { Authorization: `Bearer ${TOKEN}`, 'X-Organisation-Identity': ORG };

/**
 * `npm start`'s server on a fresh data folder. `BENCH_CPU_PROF=<dir>` writes a CPU profile of
 * the server there when it stops.
 */
async function startServer(dataDir: string, children: ChildProcess[]): Promise<string> {
  const profileDir = process.env.BENCH_CPU_PROF;
  const server = await startProcess(
    ['server/main.ts', '--port', '0', '--data-dir', dataDir, '--test-controls'],
    { KMS_EMULATOR_TOKEN: TOKEN },
    /(http:\/\/127\.0\.0\.1:\d+)\//,
    profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : undefined,
  );
  children.push(server.child);
  return server.match[1]!;
}

async function startBare(children: ChildProcess[]): Promise<string> {
  const bare = await startProcess(['bench/bare-server.ts', '0'], {}, /listening (\d+)/);
  children.push(bare.child);
  return `http://127.0.0.1:${bare.match[1]}/`;
}

async function createEncryptKey(base: string): Promise<string> {
  const key = await api(base, 'POST', '/v1/kms/nl-02/keys', {
    name: 'bench encrypt',
    keyType: 'aes256-gcm96',
  });
  return String(key.identity);
}

/** `BENCH_PARTS=emulator`: the encrypt figures only (no build, no browser), printed. */
async function emulatorOnly(dataDir: string, children: ChildProcess[]): Promise<void> {
  const base = await startServer(dataDir, children);
  const encId = await createEncryptKey(base);
  const bare = await startBare(children);
  console.log('Measuring the emulator over HTTP…');
  const encrypt = await measureEncrypt({
    encryptUrl: `${base}/v1/kms/nl-02/keys/${encId}/encrypt`,
    bareUrl: bare,
    headers: HEADERS,
    runs: RUNS,
  });
  console.log(JSON.stringify(encrypt, null, 2));
}

/** The 10,000-key region and the 1,000-version key; returns the deep key's identity. */
async function seedConsoleData(base: string): Promise<string> {
  console.log('Seeding 10,000 keys in nl-01 and a 1,000-version key in nl-02…');
  await api(base, 'POST', '/_emulator/seed-keys', {
    region: 'nl-01',
    count: 10_000,
    namePrefix: 'bench',
  });
  const deep = await api(base, 'POST', '/v1/kms/nl-02/keys', {
    name: 'bench deep history',
    keyType: 'aes256-gcm96',
  });
  const deepId = String(deep.identity);
  await api(base, 'POST', '/_emulator/seed-versions', {
    region: 'nl-02',
    id: deepId,
    count: 999,
  });
  return deepId;
}

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kms-bench-'));
  const floorDir = mkdtempSync(path.join(tmpdir(), 'kms-bench-floor-'));
  const children: ChildProcess[] = [];
  try {
    if (PARTS === 'emulator') return await emulatorOnly(dataDir, children);
    console.log('Building the console and the floor app (module stats), starting the server…');
    const consoleStats = await buildConsole(ROOT);
    const floorStats = await buildFloor(ROOT, floorDir);
    const base = await startServer(dataDir, children);
    const deepId = await seedConsoleData(base);
    const encId = await createEncryptKey(base);

    console.log('Measuring in headless Chromium…');
    const browser = await measureBrowser({
      base,
      token: TOKEN,
      org: ORG,
      deepKeyId: deepId,
      runs: RUNS,
      floorDir,
    });
    const js = routeReport(browser.routeAssets, consoleStats, floorStats, ROOT);
    printConsoleFigures(js, browser);
    if (PARTS === 'console') {
      // A partial run (the console's figures only): printed, results.json left as it was.
      return;
    }

    console.log('Measuring the emulator over HTTP…');
    const bare = await startBare(children);
    const encrypt = await measureEncrypt({
      encryptUrl: `${base}/v1/kms/nl-02/keys/${encId}/encrypt`,
      bareUrl: bare,
      headers: HEADERS,
      runs: RUNS,
    });
    const listRuns = [];
    for (let i = 0; i < RUNS; i++) {
      listRuns.push(
        await runLoad({
          url: `${base}/v1/kms/nl-01/keys`,
          headers: HEADERS,
          total: 5,
          concurrency: 1,
        }),
      );
    }
    console.log('Measuring the audit log (writes, and queries over 100,000 events)…');
    const audit = await measureAudit(RUNS);
    // Last, so the other figures are taken before the server's log is large.
    console.log('Seeding 100,000 audit events; measuring the Audit page…');
    await api(base, 'POST', '/_emulator/seed-audit', { count: 100_000 });
    const audit100000 = await measureAuditFirstRow({ base, token: TOKEN, org: ORG, runs: RUNS });
    const results = {
      date: new Date().toISOString(),
      machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
      runs: RUNS,
      floorApp:
        'bench/floor: React, react-dom, TanStack Router and Query, the contract schema; fetches and renders the key list',
      js,
      ...browser,
      auditFirstRow100000: audit100000,
      emulator: {
        encrypt1KiB: encrypt,
        // Each encrypt's audit record is committed before its answer: the write's share of the
        // emulator's time per encrypt at concurrency 32 (records group-committed 32 at a time).
        auditWriteShareOfEncryptPercent: round(
          (audit.writeMicrosecondsPerRecord.groupCommit32 * encrypt.emulatorPerSecond) / 1e4,
        ),
        audit,
        list10000: {
          p50Ms: round(median(listRuns.map((r) => r.p50Ms))),
          p95Ms: round(median(listRuns.map((r) => r.p95Ms))),
        },
      },
    };
    writeFileSync(path.join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log(JSON.stringify(results, null, 2));
    console.log('\nWritten to bench/results.json');
  } finally {
    for (const c of children) c.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(floorDir, { recursive: true, force: true });
  }
}

/** The console's figures as ratios, one line each (the full results follow as JSON). */
function printConsoleFigures(
  js: ReturnType<typeof routeReport>,
  browser: Awaited<ReturnType<typeof measureBrowser>>,
) {
  console.log(`\nFloor app JS ${js.floorJsGzipKb} kB gzip`);
  for (const [name, r] of Object.entries(js.routes)) {
    const target = r.ratioTarget ? ` (target ${r.ratioTarget}x)` : '';
    console.log(`  ${name}: ${r.jsGzipKb} kB gzip = ${r.ratioToFloor}x floor${target}`);
    console.log(`    ${r.biggest.map((m) => `${m.module} ${m.gzipKb}`).join(', ')}`);
  }
  const cold = browser.coldLoadToFirstRow;
  console.log(
    `First row, 10,000 keys: console ${cold.consoleMs} ms, plain DOM ${cold.baselineMs} ms (${cold.ratio}x), floor ${cold.floorMs} ms`,
  );
  const v = browser.versionHistory1000;
  console.log(
    `Version history, 1,000 versions: console ${v.consoleMs} ms, plain DOM ${v.baselineMs} ms (${v.ratio}x)\n`,
  );
}

export function round(n: number): number {
  return Math.round(n * 10) / 10;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
