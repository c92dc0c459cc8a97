import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  decryptResponseSchema,
  encryptResponseSchema,
  keyListSchema,
  keySchema,
} from '../../src/contract/index';
import { tempDataDir, TEST_TOKEN } from './test-support';

/** The real CLI in its own process, killed with SIGKILL in the middle of a stream of writes. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HEADERS = {
  authorization: `Bearer ${TEST_TOKEN}`,
  'x-organisation-identity': 'org-local',
  'content-type': 'application/json',
};

const children: ChildProcess[] = [];
const dataDir = tempDataDir();

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function startCli(): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/emulator/cli.ts', '--port', '0', '--data-dir', dataDir],
    {
      cwd: ROOT,
      env: { ...process.env, KMS_EMULATOR_TOKEN: TEST_TOKEN },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1]) resolve({ child, base: m[1] });
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('exit', (code) =>
      reject(new Error(`emulator exited (${code}) before listening: ${err}`)),
    );
  });
}

async function api(base: string, method: string, path: string, body?: unknown) {
  const res = await fetch(base + path, {
    method,
    headers: HEADERS,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

describe('kill -9 durability', () => {
  it('every acknowledged create survives; no key is half-made', async () => {
    const { child, base } = await startCli();
    const acknowledged = new Set<string>();
    const rotations = new Map<string, number>();
    let n = 0;
    let killed = false;

    const worker = async () => {
      while (!killed) {
        n += 1;
        const i = n;
        try {
          const keyType = i % 2 === 0 ? 'ed25519' : 'aes256-gcm96';
          const created = await api(base, 'POST', '/v1/kms/nl-01/keys', {
            name: `durable ${i}`,
            keyType,
            labels: { batch: 'kill9' },
          });
          if (created.status !== 201) throw new Error(`create answered ${created.status}`);
          const key = keySchema.parse(created.json);
          acknowledged.add(key.identity);
          if (i % 3 === 0) {
            const rotated = await api(base, 'POST', `/v1/kms/nl-01/keys/${key.identity}/rotate`);
            if (rotated.status === 200)
              rotations.set(key.identity, keySchema.parse(rotated.json).latestVersion);
          }
        } catch (error) {
          if (!killed) throw error;
        }
      }
    };
    const workers = Array.from({ length: 6 }, worker);
    // Kill while requests are in flight, once a good number were acknowledged.
    while (acknowledged.size < 60) await new Promise((r) => setTimeout(r, 5));
    killed = true;
    child.kill('SIGKILL');
    await Promise.allSettled(workers);
    if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');

    const second = await startCli();
    const listed = keyListSchema.parse(
      (await api(second.base, 'GET', '/v1/kms/nl-01/keys?matchLabels%5Bbatch%5D=kill9')).json,
    );
    const ids = new Set(listed.map((k) => k.identity));
    for (const id of acknowledged) expect(ids.has(id), `acknowledged ${id} is missing`).toBe(true);
    for (const [id, version] of rotations) {
      expect(listed.find((k) => k.identity === id)?.latestVersion).toBeGreaterThanOrEqual(version);
    }
    for (const key of listed) {
      // Whole: every version from 1 to latest exists, and the latest one works.
      expect(key.versions.map((v) => v.version)).toEqual(
        Array.from({ length: key.latestVersion }, (_, i) => i + 1),
      );
      if (key.keyType === 'aes256-gcm96') {
        const enc = await api(second.base, 'POST', `/v1/kms/nl-01/keys/${key.identity}/encrypt`, {
          plaintext: 'AQID',
        });
        expect(enc.status).toBe(200);
        const dec = await api(
          second.base,
          'POST',
          `/v1/kms/nl-01/keys/${key.identity}/decrypt`,
          encryptResponseSchema.parse(enc.json),
        );
        expect(decryptResponseSchema.parse(dec.json).plaintext).toBe('AQID');
      } else {
        const pk = await api(second.base, 'GET', `/v1/kms/nl-01/keys/${key.identity}/public-key`);
        expect(pk.status).toBe(200);
      }
    }
    second.child.kill('SIGTERM');
  }, 60_000);
});
