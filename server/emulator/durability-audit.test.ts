import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { auditPageSchema, keySchema } from '../../src/contract/index';
import type { AuditLog } from '../../src/contract/index';
import { b64, killCliProcesses, startCli, tempDataDir } from './test-support';
import type { CliProcess } from './test-support';

/**
 * Several clients encrypt, decrypt (some refused) and rotate against the real CLI process, which
 * is killed with SIGKILL while requests are in flight. After the restart every acknowledged
 * operation has exactly one audit record: each request carries a unique User-Agent, matched on
 * context.userAgent.
 */
const REGION = 'nl-01';
const CLIENTS = 8;
const KEYS = 4;
const KILL_AFTER_ACKS = 300;
const MAX_REQUESTS = 3000;

const dataDir = tempDataDir();
afterAll(async () => {
  await killCliProcesses();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Expected {
  action: string;
  status: number;
}

/** Request i: a rotation every 9th, a refused decrypt every 5th, else an encrypt. */
function operation(i: number, key: string): { path: string; body?: unknown; expected: Expected } {
  const base = `/v1/kms/${REGION}/keys/${key}`;
  if (i % 9 === 0)
    return { path: `${base}/rotate`, expected: { action: 'kms.rotate', status: 200 } };
  if (i % 5 === 0) {
    return {
      path: `${base}/decrypt`,
      body: { ciphertext: 'thalassa:v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
      expected: { action: 'kms.decrypt', status: 400 },
    };
  }
  return {
    path: `${base}/encrypt`,
    body: { plaintext: b64(`durable audit ${i}`) },
    expected: { action: 'kms.encrypt', status: 200 },
  };
}

async function allRecords(cli: CliProcess): Promise<AuditLog[]> {
  const out: AuditLog[] = [];
  for (let page = 1; ; page++) {
    const res = await cli.request('GET', `/v1/audit?limit=500&page=${page}`);
    expect(res.status).toBe(200);
    const parsed = auditPageSchema.parse(res.json);
    out.push(...parsed.items);
    if (page >= parsed.totalPages) return out;
  }
}

describe('kill -9 while clients encrypt and rotate', () => {
  it('every acknowledged operation has exactly one audit record after the restart', async () => {
    const first = await startCli(dataDir);
    const keys: string[] = [];
    for (let k = 0; k < KEYS; k++) {
      const res = await first.request('POST', `/v1/kms/${REGION}/keys`, { name: `audit ${k}` });
      expect(res.status).toBe(201);
      keys.push(keySchema.parse(res.json).identity);
    }
    const acknowledged = new Map<string, Expected>();
    const sentAgents = new Set<string>();
    let sent = 0;
    let inFlight = 0;
    let killed = false;
    const failures: unknown[] = [];

    const client = async (c: number) => {
      while (!killed && sent < MAX_REQUESTS) {
        const i = sent;
        sent += 1;
        const userAgent = `durability-audit/${c}/${i}`;
        const op = operation(i, keys[i % KEYS] ?? '');
        sentAgents.add(userAgent);
        inFlight += 1;
        try {
          const res = await first.request('POST', op.path, op.body, { userAgent });
          expect(res.status, JSON.stringify(res.json)).toBe(op.expected.status);
          acknowledged.set(userAgent, op.expected);
        } catch (error) {
          // A request cut by the kill has no answer: it is not acknowledged.
          if (!killed) failures.push(error);
          return;
        } finally {
          inFlight -= 1;
        }
      }
    };

    const clients = Array.from({ length: CLIENTS }, (_, c) => client(c));
    while (acknowledged.size < KILL_AFTER_ACKS && sent < MAX_REQUESTS && failures.length === 0) {
      await new Promise((r) => setTimeout(r, 2));
    }
    killed = true;
    const inFlightAtKill = inFlight;
    const killing = first.kill9();
    await Promise.allSettled(clients);
    await killing;
    if (failures.length > 0) throw failures[0];
    // Precondition: the kill came mid-stream, with operations acknowledged and others in flight.
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(inFlightAtKill).toBeGreaterThan(0);

    const second = await startCli(dataDir);
    const byAgent = new Map<string, AuditLog[]>();
    for (const record of await allRecords(second)) {
      const agent = record.context.userAgent;
      if (agent === undefined || !agent.startsWith('durability-audit/')) continue;
      byAgent.set(agent, [...(byAgent.get(agent) ?? []), record]);
    }
    const missing = [...acknowledged.keys()].filter((agent) => !byAgent.has(agent));
    expect(missing, `${missing.length} acknowledged operations without a record`).toEqual([]);
    for (const [agent, expected] of acknowledged) {
      const records = byAgent.get(agent) ?? [];
      expect(records, agent).toHaveLength(1);
      expect(records[0]).toMatchObject({
        action: expected.action,
        context: { responseStatus: expected.status },
      });
    }
    // Operations cut by the kill have at most one record; nothing was recorded twice or made up.
    for (const [agent, records] of byAgent) {
      expect(sentAgents.has(agent), agent).toBe(true);
      expect(records, agent).toHaveLength(1);
    }
    expect(byAgent.size - acknowledged.size).toBeLessThanOrEqual(inFlightAtKill);
    await second.stop();
  }, 120_000);
});
