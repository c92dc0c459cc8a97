import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listen } from './listen';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Runs `npm start`'s entry point as a process: exit code and output. */
function runMain(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, PORT: '', HOST: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm start (server/main.ts) as a process', () => {
  it('--help documents every flag and exits 0', async () => {
    const { code, stdout } = await runMain(['--help']);
    expect(code).toBe(0);
    for (const flag of [
      '--port',
      '--host',
      '--data-dir',
      '--config',
      '--demo',
      '--test-controls',
      '--upstream',
    ]) {
      expect(stdout).toContain(flag);
    }
  });

  it('a bad flag is a usage error (exit 2) that shows the help', async () => {
    const { code, stderr } = await runMain(['--port', 'eighty']);
    expect(code).toBe(2);
    expect(stderr).toContain('--port: "eighty" is not a port number');
    expect(stderr).toContain('Usage: npm start');
  });

  it('a port in use is a clear error and exit 1, before any build', async () => {
    const taken = await listen(() => new Response('other'), 0, '127.0.0.1');
    try {
      const { code, stdout, stderr } = await runMain([
        '--port',
        String(taken.port),
        '--upstream',
        'http://127.0.0.1:9',
      ]);
      expect(code).toBe(1);
      expect(stderr).toContain(`Port ${taken.port} is already in use`);
      expect(stdout).not.toContain('Building');
    } finally {
      await taken.close();
    }
  });
});
