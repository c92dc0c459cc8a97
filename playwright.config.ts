import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium';

const isCI = Boolean(process.env.CI);
const isWorker = process.env.TEST_WORKER_INDEX !== undefined;

/** A port the OS says is free right now (asked synchronously: the config cannot await). */
function freePort(): string {
  const script =
    "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim();
}

function removeIfEmpty(dir: string): void {
  try {
    const left = readdirSync(dir).filter((name) => name !== '.last-run.json');
    if (left.length === 0) rmSync(dir, { recursive: true, force: true });
  } catch {
    /* absent or in use: leave it */
  }
}

// Chosen once, in the main process; the workers inherit them through the environment, so every
// process agrees on the server's port and data folder.
if (!process.env.E2E_PORT) process.env.E2E_PORT = freePort();
if (!process.env.E2E_DATA_DIR) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kms-e2e-'));
  process.env.E2E_DATA_DIR = dataDir;
  if (!isWorker) process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
}
// Each run writes its traces and failure screenshots to its own folder: a run starting empties
// its output folder, which would break another run going on in the same checkout.
if (!process.env.E2E_OUTPUT_DIR) {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const outputDir = path.join('test-results', `run-${stamp}-${process.env.E2E_PORT}`);
  process.env.E2E_OUTPUT_DIR = outputDir;
  // A run without failures leaves nothing worth keeping: drop its folder.
  if (!isWorker)
    process.on('exit', () => removeIfEmpty(path.resolve(import.meta.dirname, outputDir)));
}
const port = process.env.E2E_PORT;
const dataDir = process.env.E2E_DATA_DIR;
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: process.env.E2E_OUTPUT_DIR,
  fullyParallel: true,
  forbidOnly: isCI,
  workers: isCI ? 2 : undefined,
  retries: isCI ? 1 : 0,
  // In CI a JSON report beside the line reporter lets .ci/run name every flaky test (passed only on retry).
  reporter: isCI
    ? [
        ['line'],
        ['json', { outputFile: process.env.E2E_JSON_REPORT ?? 'test-results/e2e-report.json' }],
      ]
    : 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    { name: 'chromium', testIgnore: /\.clock\.spec\.ts$/, use: { ...devices['Desktop Chrome'] } },
    // Specs that move the shared emulator clock run last, after every other spec is done.
    {
      name: 'clock',
      testMatch: /\.clock\.spec\.ts$/,
      dependencies: ['chromium'],
      // One after the other, one spec file at a time: each moves the clock that the others read.
      fullyParallel: false,
      workers: 1,
      use: { ...devices['Desktop Chrome'] },
    },
  ],
  webServer: {
    // The real `npm start`: it builds the console first when dist/ is stale, hence the timeout.
    command: `npm start -- --port ${port} --data-dir "${dataDir}" --test-controls`,
    url: `${baseURL}/`,
    env: { KMS_EMULATOR_TOKEN: 'e2e-token' },
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
});
