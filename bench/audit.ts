/**
 * Audit log figures, in-process against a real SQLite data folder: what writing each record
 * before answering costs (group commit, as under concurrent load, and one by one), and how fast
 * `GET /v1/audit`'s query pages and filters a 100,000-event organisation.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedAuditEvent, syntheticSeedTargets } from '../server/emulator/audit-seed';
import type { AuditFilter } from '../server/emulator/store/audit-store';
import { openStore } from '../server/emulator/store/store';
import { median } from './load';

const ORG = 'org-local';
const EVENTS = 100_000;
const WRITES = 2_000;

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export async function measureAudit(runs: number) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kms-bench-audit-'));
  const store = openStore(dataDir);
  try {
    const targets = syntheticSeedTargets('nl-01');
    const now = new Date();
    const event = (i: number) => seedAuditEvent(i, EVENTS, ORG, targets, now, 720);

    // Writing: µs per record, 32 records a turn (as at concurrency 32) and one at a time.
    const perRecord = async (batch: number) => {
      const samples: number[] = [];
      for (let r = 0; r < runs; r++) {
        const start = performance.now();
        for (let i = 0; i < WRITES; i += batch) {
          await Promise.all(
            Array.from({ length: batch }, (_, j) => store.recordAudit(event(i + j))),
          );
        }
        samples.push(((performance.now() - start) * 1000) / WRITES);
      }
      return round(median(samples));
    };
    const groupCommit32 = await perRecord(32);
    const oneByOne = await perRecord(1);

    const seedStart = performance.now();
    store.audit.insertMany(Array.from({ length: EVENTS }, (_, i) => event(i)));
    const seedMs = performance.now() - seedStart;

    const time = (filter: AuditFilter, page = 1) => {
      const samples: number[] = [];
      for (let r = 0; r < runs; r++) {
        const start = performance.now();
        store.audit.list(ORG, filter, page, 50);
        samples.push(performance.now() - start);
      }
      return round(median(samples));
    };
    return {
      writeMicrosecondsPerRecord: { groupCommit32, oneByOne },
      events: store.audit.list(ORG, {}, 1, 1).total,
      seed100kMs: Math.round(seedMs),
      queryMs: {
        firstPage: time({}),
        page1000: time({}, 1000),
        outcomeFailure: time({ outcome: 'failure' }),
        twoActions: time({ actions: ['kms.encrypt', 'kms.decrypt'] }),
        oneKey: time({ resourceIdentity: 'kms-seed-07' }),
        regionAndStatus: time({ region: 'nl-01', responseStatus: 400 }),
        lastDay: time({ createdAfter: new Date(now.getTime() - 86_400_000).toISOString() }),
        searchText: time({ searchText: 'seed key 07' }),
      },
    };
  } finally {
    store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
