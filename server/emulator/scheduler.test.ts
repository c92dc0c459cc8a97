import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditPageSchema, keySchema } from '../../src/contract/index';
import type { Key } from '../../src/contract/index';
import { DAY_MS } from './clock';
import { createEmulator } from './index';
import { expectError, expectOk, startTestEmulator, tempDataDir, TEST_TOKEN } from './test-support';
import type { TestEmulator } from './test-support';

const clockResponseSchema = z.object({
  now: z.iso.datetime(),
  rotated: z.number(),
  purged: z.number(),
});

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(async () => {
  await t.close();
});

async function create(body: Record<string, unknown>): Promise<Key> {
  return expectOk('createKey', await t.endpoint('createKey', { region: 'nl-01' }, { body }));
}

async function advance(body: Record<string, unknown>) {
  const res = await t.call('POST', '/_emulator/clock', { body });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return clockResponseSchema.parse(res.json);
}

async function audit(id: string) {
  const res = await t.call('GET', '/v1/audit', {
    query: `resourceType=kms_key&resourceIdentity=${id}&limit=100`,
  });
  return auditPageSchema.parse(res.json).items;
}

describe('scheduled rotation and purge through the test clock', () => {
  it('rotates an active key once its period has passed, not before; skips disabled keys', async () => {
    const key = await create({
      name: 'Monthly',
      keyRotationEnabled: true,
      rotationPeriodInDays: 30,
    });
    const idle = await create({
      name: 'Monthly disabled',
      keyRotationEnabled: true,
      rotationPeriodInDays: 30,
    });
    expectOk('disableKey', await t.endpoint('disableKey', { region: 'nl-01', id: idle.identity }));
    const plain = await create({ name: 'No rotation' });

    await advance({ advanceDays: 29, advanceHours: 23 });
    const early = expectOk(
      'getKey',
      await t.endpoint('getKey', { region: 'nl-01', id: key.identity }),
    );
    expect(early.latestVersion).toBe(1);

    const tick = await advance({ advanceHours: 1 });
    expect(tick.rotated).toBeGreaterThanOrEqual(1);
    const rotated = expectOk(
      'getKey',
      await t.endpoint('getKey', { region: 'nl-01', id: key.identity }),
    );
    expect(rotated.latestVersion).toBe(2);
    expect(rotated.versions[1]?.createdAt).toBe(tick.now);
    expect(rotated.objectVersion).toBe(2);
    const events = await audit(key.identity);
    expect(events[0]).toMatchObject({
      action: 'kms.rotate.scheduled',
      serviceAccountIdentity: 'system:scheduler',
      context: { keyVersion: '2', outcome: 'success', responseStatus: 200 },
    });
    expect(events[0]?.userIdentity).toBeUndefined();

    for (const other of [idle, plain]) {
      const now = expectOk(
        'getKey',
        await t.endpoint('getKey', { region: 'nl-01', id: other.identity }),
      );
      expect(now.latestVersion).toBe(1);
    }
    // The next rotation is due a period after the new version, not after the first one.
    await advance({ advanceDays: 29 });
    expect(
      expectOk('getKey', await t.endpoint('getKey', { region: 'nl-01', id: key.identity }))
        .latestVersion,
    ).toBe(2);
    await advance({ advanceDays: 1 });
    expect(
      expectOk('getKey', await t.endpoint('getKey', { region: 'nl-01', id: key.identity }))
        .latestVersion,
    ).toBe(3);
  });

  it('purges a key 30 days after delete; then it is 404 and gone from lists and counts', async () => {
    const key = await create({ name: 'Doomed' });
    const kept = await create({ name: 'Saved' });
    expectOk('deleteKey', await t.endpoint('deleteKey', { region: 'nl-01', id: key.identity }));
    expectOk('deleteKey', await t.endpoint('deleteKey', { region: 'nl-01', id: kept.identity }));
    await advance({ advanceDays: 10 });
    expectOk(
      'cancelDeletion',
      await t.endpoint('cancelDeletion', { region: 'nl-01', id: kept.identity }),
    );
    await advance({ advanceDays: 19, advanceHours: 23 });
    expectOk('getKey', await t.endpoint('getKey', { region: 'nl-01', id: key.identity }));
    const tick = await advance({ advanceHours: 1 });
    expect(tick.purged).toBe(1);
    expectError(await t.endpoint('getKey', { region: 'nl-01', id: key.identity }), 404);
    const list = expectOk('listKeys', await t.endpoint('listKeys', { region: 'nl-01' }));
    expect(list.map((k) => k.identity)).not.toContain(key.identity);
    expect(list.map((k) => k.identity)).toContain(kept.identity);
    // The audit trail outlives the key.
    const events = await audit(key.identity);
    expect(events.map((e) => e.action)).toEqual(['kms.purge', 'kms.delete', 'kms.create']);
  });

  it('GET /_emulator/clock reads the clock; the routes need the token and valid bodies', async () => {
    const res = await t.call('GET', '/_emulator/clock');
    expect(z.object({ now: z.iso.datetime() }).parse(res.json).now).toBe(
      t.clock.now().toISOString(),
    );
    expectError(await t.call('GET', '/_emulator/clock', { token: null }), 401);
    expectError(
      await t.call('POST', '/_emulator/clock', { body: { advanceDays: -1 } }),
      400,
      'advanceDays',
    );
    expectError(
      await t.call('POST', '/_emulator/clock', { body: { advanceDays: 'x' } }),
      400,
      'advanceDays',
    );
    expectError(await t.call('DELETE', '/_emulator/clock'), 405);
  });
});

describe('seeding test controls', () => {
  it('seed-keys creates many keys in one go; a repeat prefix is 409', async () => {
    const res = await t.call('POST', '/_emulator/seed-keys', {
      body: { region: 'nl-02', count: 2000, namePrefix: 'bulk', project: 'proj-ci' },
    });
    expect(res.json).toEqual({ created: 2000 });
    const keys = expectOk(
      'listKeys',
      await t.endpoint('listKeys', { region: 'nl-02' }, { project: 'proj-ci' }),
    );
    expect(keys).toHaveLength(2000);
    expect(keys[0]?.name).toBe('bulk-00001');
    const g3 = expectOk(
      'listKeys',
      await t.endpoint(
        'listKeys',
        { region: 'nl-02' },
        { project: 'proj-ci', query: encodeURI('matchLabels[group]=g3') },
      ),
    );
    expect(g3).toHaveLength(200);
    // Seeded keys are real keys.
    const id = keys[5]?.identity ?? '';
    const enc = expectOk(
      'encrypt',
      await t.endpoint(
        'encrypt',
        { region: 'nl-02', id },
        { project: 'proj-ci', body: { plaintext: 'AQID' } },
      ),
    );
    expect(
      expectOk(
        'decrypt',
        await t.endpoint('decrypt', { region: 'nl-02', id }, { project: 'proj-ci', body: enc }),
      ).plaintext,
    ).toBe('AQID');
    const again = await t.call('POST', '/_emulator/seed-keys', {
      body: { region: 'nl-02', count: 1, namePrefix: 'bulk', project: 'proj-ci' },
    });
    expectError(again, 409);
    expectError(
      await t.call('POST', '/_emulator/seed-keys', {
        body: { region: 'nl-02', count: 20_001, namePrefix: 'x' },
      }),
      400,
      'count',
    );
    expectError(
      await t.call('POST', '/_emulator/seed-keys', {
        body: { region: 'de-01', count: 1, namePrefix: 'x' },
      }),
      503,
    );
    expectError(
      await t.call('POST', '/_emulator/seed-keys', {
        body: { region: 'nl-02', count: 1, namePrefix: 'x' },
        org: 'org-nokms',
      }),
      403,
    );
  });

  it('seed-versions adds many versions to one key and returns it', async () => {
    const key = await create({ name: 'Many versions', keyType: 'ed25519' });
    const res = await t.call('POST', '/_emulator/seed-versions', {
      body: { region: 'nl-01', id: key.identity, count: 999 },
    });
    const seeded = keySchema.parse(res.json);
    expect(seeded.latestVersion).toBe(1000);
    expect(seeded.versions).toHaveLength(1000);
    const pk = expectOk(
      'publicKey',
      await t.endpoint(
        'publicKey',
        { region: 'nl-01', id: key.identity },
        { query: 'version=1000' },
      ),
    );
    expect(Object.keys(pk.keys)).toEqual(['1000']);
    const sig = expectOk(
      'sign',
      await t.endpoint('sign', { region: 'nl-01', id: key.identity }, { body: { input: 'AQID' } }),
    );
    expect(sig.keyVersion).toBe('1000');
    expectError(
      await t.call('POST', '/_emulator/seed-versions', {
        body: { region: 'nl-01', id: 'kms-none', count: 1 },
      }),
      404,
    );
  });
});

describe('without --test-controls', () => {
  it('the /_emulator routes do not exist', async () => {
    const plain = await startTestEmulator({ testControls: false });
    try {
      expectError(await plain.call('POST', '/_emulator/clock', { body: { advanceDays: 1 } }), 404);
      expectError(await plain.call('POST', '/_emulator/seed-keys', { body: {} }), 404);
    } finally {
      await plain.close();
    }
  });
});

describe('the default clock', () => {
  it('keeps the offset added by test controls across a restart', async () => {
    const dataDir = tempDataDir();
    try {
      const first = await createEmulator({
        dataDir,
        token: TEST_TOKEN,
        testControls: true,
        scheduler: false,
      });
      const headers = { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' };
      const moved = await first.app.request('/_emulator/clock', {
        method: 'POST',
        headers,
        body: JSON.stringify({ advanceDays: 10 }),
      });
      expect(moved.status).toBe(200);
      await first.close();
      const second = await createEmulator({
        dataDir,
        token: TEST_TOKEN,
        testControls: true,
        scheduler: false,
      });
      const res = await second.app.request('/_emulator/clock', { headers });
      const { now } = z.object({ now: z.iso.datetime() }).parse(await res.json());
      expect(Date.parse(now) - Date.now()).toBeGreaterThan(10 * DAY_MS - 60_000);
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
