import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  decryptResponseSchema,
  encryptResponseSchema,
  keyListSchema,
  keySchema,
} from '../../src/contract/index';
import { killCliProcesses, startCli, tempDataDir } from './test-support';

/** The real CLI in its own process, killed with SIGKILL in the middle of a stream of writes. */
const dataDir = tempDataDir();

afterAll(async () => {
  await killCliProcesses();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('kill -9 durability', () => {
  it('every acknowledged create survives; no key is half-made', async () => {
    const first = await startCli(dataDir);
    const api = (method: string, path: string, body?: unknown) => first.request(method, path, body);
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
          const created = await api('POST', '/v1/kms/nl-01/keys', {
            name: `durable ${i}`,
            keyType,
            labels: { batch: 'kill9' },
          });
          if (created.status !== 201) throw new Error(`create answered ${created.status}`);
          const key = keySchema.parse(created.json);
          acknowledged.add(key.identity);
          if (i % 3 === 0) {
            const rotated = await api('POST', `/v1/kms/nl-01/keys/${key.identity}/rotate`);
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
    const killing = first.kill9();
    await Promise.allSettled(workers);
    await killing;

    const second = await startCli(dataDir);
    const listed = keyListSchema.parse(
      (await second.request('GET', '/v1/kms/nl-01/keys?matchLabels%5Bbatch%5D=kill9')).json,
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
        const enc = await second.request('POST', `/v1/kms/nl-01/keys/${key.identity}/encrypt`, {
          plaintext: 'AQID',
        });
        expect(enc.status).toBe(200);
        const dec = await second.request(
          'POST',
          `/v1/kms/nl-01/keys/${key.identity}/decrypt`,
          encryptResponseSchema.parse(enc.json),
        );
        expect(decryptResponseSchema.parse(dec.json).plaintext).toBe('AQID');
      } else {
        const pk = await second.request('GET', `/v1/kms/nl-01/keys/${key.identity}/public-key`);
        expect(pk.status).toBe(200);
      }
    }
    await second.stop();
  }, 60_000);
});
