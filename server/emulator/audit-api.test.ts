import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, auditPageSchema } from '../../src/contract/index';
import type { AuditLog, AuditPage, Key } from '../../src/contract/index';
import { b64, expectError, expectOk, ORG, startTestEmulator, TEST_TOKEN } from './test-support';
import type { CallOptions, TestEmulator } from './test-support';

/** `GET /v1/audit`: every operation recorded, every parameter, every paging edge. */

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(async () => {
  await t.close();
});

async function page(query = '', options: CallOptions = {}): Promise<AuditPage> {
  const res = await t.call('GET', '/v1/audit', { ...options, query });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return auditPageSchema.parse(res.json);
}

/** Every record matching `query`, through the API's own paging (500 a page). */
async function all(query = ''): Promise<AuditLog[]> {
  const out: AuditLog[] = [];
  for (let p = 1; ; p++) {
    const res = await page(`${query}${query ? '&' : ''}limit=500&page=${p}`);
    out.push(...res.items);
    if (p >= res.totalPages) return out;
  }
}

const ua = (name: string): CallOptions => ({ headers: { 'user-agent': `audit-test/${name}` } });

describe('every KMS operation is recorded, failures with their reason, nothing secret', () => {
  const secrets: string[] = [TEST_TOKEN];
  let aes: Key;
  let ec: Key;
  let mac: Key;
  let projectKey: Key;

  beforeAll(async () => {
    const create = async (body: Record<string, unknown>, o: CallOptions = {}) =>
      expectOk(
        'createKey',
        await t.endpoint('createKey', { region: 'nl-01' }, { body, ...ua('create'), ...o }),
      );
    aes = await create({ name: 'Ops AES', exportAllowed: true });
    ec = await create({ name: 'Ops EC', keyType: 'ecdsa-p256' });
    mac = await create({ name: 'Ops MAC', keyType: 'hmac-sha256' });
    projectKey = await create({ name: 'Ops Project' }, { project: 'proj-web' });
    const at = (k: Key) => ({ region: 'nl-01', id: k.identity });
    const plaintext = 'PLAINTEXT-NEVER-IN-THE-LOG';
    secrets.push(plaintext, b64(plaintext));
    const enc = expectOk(
      'encrypt',
      await t.endpoint('encrypt', at(aes), { body: { plaintext: b64(plaintext) }, ...ua('enc') }),
    );
    secrets.push(enc.ciphertext);
    expectOk('decrypt', await t.endpoint('decrypt', at(aes), { body: enc, ...ua('dec') }));
    const exported = expectOk(
      'exportKey',
      await t.endpoint('exportKey', at(aes), { body: {}, ...ua('export') }),
    );
    secrets.push(exported.keyMaterial);
    const input = b64('SIGNED-INPUT-NEVER-IN-THE-LOG');
    secrets.push(input);
    const sig = expectOk(
      'sign',
      await t.endpoint('sign', at(ec), { body: { input }, ...ua('sign') }),
    );
    secrets.push(sig.signature);
    expectOk(
      'verify',
      await t.endpoint('verify', at(ec), {
        body: { input, signature: sig.signature },
        ...ua('verify'),
      }),
    );
    const tag = expectOk('hmac', await t.endpoint('hmac', at(mac), { body: { input } }));
    secrets.push(tag.hmac);
    expectOk(
      'verifyHmac',
      await t.endpoint('verifyHmac', at(mac), { body: { input, hmac: tag.hmac } }),
    );
    expectOk('rotateKey', await t.endpoint('rotateKey', at(aes), ua('rotate')));
    expectOk(
      'updateRotation',
      await t.endpoint('updateRotation', at(aes), {
        body: { keyRotationEnabled: true, rotationPeriodInDays: 1 },
      }),
    );
    expectOk('disableKey', await t.endpoint('disableKey', at(mac)));
    expectOk('enableKey', await t.endpoint('enableKey', at(mac)));
    expectOk('deleteKey', await t.endpoint('deleteKey', at(mac)));
    expectOk('cancelDeletion', await t.endpoint('cancelDeletion', at(mac)));
    expectOk('deleteKey', await t.endpoint('deleteKey', at(ec)));
    expectOk(
      'encrypt',
      await t.endpoint(
        'encrypt',
        { region: 'nl-01', id: projectKey.identity },
        { body: { plaintext: b64(plaintext) }, project: 'proj-web' },
      ),
    );
    // Scheduled work: aes rotates after a day, ec is purged after 30.
    const tick = await t.call('POST', '/_emulator/clock', { body: { advanceDays: 31 } });
    expect(tick.status).toBe(200);
  });

  it('has a record of every action, in the AuditLog shape', async () => {
    const records = await all();
    const actions = new Set(records.map((r) => r.action));
    for (const action of AUDIT_ACTIONS) expect(actions, action).toContain(action);
    for (const r of records) {
      expect(r.eventID).toMatch(/^evt-\d+$/);
      expect(r.resourceType).toBe('kms_key');
      expect(r.organizationIdentity).toBe(ORG);
      expect(r.context.region).toBe('nl-01');
      expect(r.context.outcome).toBe(r.context.responseStatus < 400 ? 'success' : 'failure');
    }
    expect(new Set(records.map((r) => r.eventID)).size).toBe(records.length);
    const scheduled = records.filter((r) =>
      ['kms.rotate.scheduled', 'kms.purge'].includes(r.action),
    );
    expect(scheduled.length).toBeGreaterThanOrEqual(2);
    for (const r of scheduled) {
      expect(r.serviceAccountIdentity).toBe('system:scheduler');
      expect(r.userIdentity).toBeUndefined();
    }
    for (const r of records.filter((x) => !scheduled.includes(x))) {
      expect(r.userIdentity).toBe('local-token');
      expect(r.serviceAccountIdentity).toBeUndefined();
    }
  });

  it('names the key and version in one sentence and keeps the caller user agent', async () => {
    const [enc] = (await page(`action=kms.encrypt&resourceIdentity=${aes.identity}`)).items;
    expect(enc?.description).toBe('Encrypted with key "Ops AES" (ops-aes), version 1.');
    expect(enc?.context).toMatchObject({ keyVersion: '1', userAgent: 'audit-test/enc' });
    const [rotated] = (await page(`action=kms.rotate&resourceIdentity=${aes.identity}`)).items;
    expect(rotated?.context.keyVersion).toBe('2');
    const [purge] = (await page(`action=kms.purge`)).items;
    expect(purge?.description).toContain('"Ops EC" (ops-ec)');
  });

  it('records project keys organisation-wide, with context.projectIdentity', async () => {
    const query = `resourceIdentity=${projectKey.identity}`;
    const orgWide = await page(query);
    expect(orgWide.items.map((r) => r.action)).toEqual(['kms.encrypt', 'kms.create']);
    for (const r of orgWide.items) expect(r.context.projectIdentity).toBe('proj-web');
    // The project header neither narrows nor widens the log.
    expect(await page(query, { project: 'proj-ci' })).toEqual(orgWide);
    expect((await page(`resourceIdentity=${aes.identity}`)).items[0]?.context.projectIdentity).toBe(
      undefined,
    );
  });

  it('records refusals on an existing key as failures with the message the caller got', async () => {
    const at = { region: 'nl-01', id: aes.identity };
    const refusals = [
      await t.endpoint('decrypt', at, { body: { ciphertext: 'thalassa:v9:AAAA' } }),
      await t.endpoint('enableKey', at),
      await t.endpoint('hmac', at, { body: { input: b64('x') } }),
      await t.endpoint('exportKey', { region: 'nl-01', id: mac.identity }, { body: {} }),
      await t.endpoint('updateRotation', at, { body: { rotationPeriodInDays: 0 } }),
    ];
    const messages = refusals.map((res) => expectError(res, 400));
    const failures = (await page('outcome=failure&limit=5')).items;
    expect(failures.map((r) => r.action)).toEqual([
      'kms.update_rotation',
      'kms.export',
      'kms.hmac',
      'kms.enable',
      'kms.decrypt',
    ]);
    expect(failures.map((r) => r.context.reason)).toEqual([...messages].reverse());
    for (const r of failures) {
      expect(r.context.responseStatus).toBe(400);
      expect(r.description).toMatch(/^Could not /);
    }
    // An unknown key has no record (there is nothing to attribute it to).
    const before = (await page()).totalItems;
    expectError(
      await t.endpoint('encrypt', { region: 'nl-01', id: 'kms-none' }, { body: {} }),
      404,
    );
    expect((await page()).totalItems).toBe(before);
  });

  it('holds no plaintext, ciphertext, signature, material or token anywhere', async () => {
    const text = JSON.stringify(await all());
    for (const secret of secrets) expect(text).not.toContain(secret);
  });
});

describe('paging and filters over seeded events', () => {
  const COUNT = 1234;
  let everything: AuditLog[];

  beforeAll(async () => {
    const res = await t.call('POST', '/_emulator/seed-audit', {
      org: 'local',
      body: { count: COUNT, spanHours: 48 },
    });
    expect(res.json).toEqual({ inserted: COUNT });
    everything = await all();
  });

  it('orders newest first: createdAt descending, then eventID descending', () => {
    const key = (r: AuditLog) => [Date.parse(r.createdAt), Number(r.eventID.slice(4))] as const;
    for (let i = 1; i < everything.length; i++) {
      const [a, b] = [key(everything[i - 1] as AuditLog), key(everything[i] as AuditLog)];
      expect(a[0] > b[0] || (a[0] === b[0] && a[1] > b[1])).toBe(true);
    }
    expect(new Set(everything.map((r) => r.eventID)).size).toBe(everything.length);
  });

  it('pages: default 50, limit 1 and 500, a page past the end is empty', async () => {
    const total = everything.length;
    const first = await page();
    expect(first).toMatchObject({
      page: 1,
      itemsPerPage: 50,
      totalItems: total,
      totalCount: total,
    });
    expect(first.totalPages).toBe(Math.ceil(total / 50));
    expect(first.items).toEqual(everything.slice(0, 50));
    const one = await page('limit=1&page=7');
    expect(one.items).toEqual([everything[6]]);
    expect(one.totalPages).toBe(total);
    const last = Math.ceil(total / 500);
    const tail = await page(`limit=500&page=${last}`);
    expect(tail.items).toEqual(everything.slice((last - 1) * 500));
    const past = await page(`limit=500&page=${last + 1}`);
    expect(past).toEqual({
      items: [],
      totalItems: total,
      page: last + 1,
      itemsPerPage: 500,
      totalPages: last,
      totalCount: total,
    });
    expect((await page('page=999999999')).items).toEqual([]);
  });

  /** Each query against the same filter applied to every record. */
  const at = (i: number) => everything[i] as AuditLog;
  const cases: [string, () => string, (r: AuditLog) => boolean][] = [
    ['one action', () => 'action=kms.sign', (r) => r.action === 'kms.sign'],
    [
      'actions, comma-separated, with an unknown one',
      () => 'action=kms.sign,%20kms.export,,kms.nothing',
      (r) => ['kms.sign', 'kms.export'].includes(r.action),
    ],
    ['resourceType', () => 'resourceType=kms_key,other', () => true],
    ['unknown resourceType', () => 'resourceType=bucket', () => false],
    [
      'resourceIdentity',
      () => `resourceIdentity=${at(3).resourceIdentity}`,
      (r) => r.resourceIdentity === at(3).resourceIdentity,
    ],
    [
      'searchText on the description, any case',
      () => 'searchText=SEED%20Key%2007',
      (r) => r.description?.includes('Seed key 07') ?? false,
    ],
    [
      'searchText on the action',
      () => 'searchText=VERIFY_HMAC',
      (r) => r.action === 'kms.verify_hmac',
    ],
    [
      'searchText on the identity',
      () => 'searchText=kms-seed-1',
      (r) => r.resourceIdentity.startsWith('kms-seed-1'),
    ],
    ['responseStatus', () => 'responseStatus=400', (r) => r.context.responseStatus === 400],
    ['userIdentity', () => 'userIdentity=local-token', (r) => r.userIdentity === 'local-token'],
    [
      'serviceAccount',
      () => 'serviceAccount=system:scheduler',
      (r) => r.serviceAccountIdentity === 'system:scheduler',
    ],
    ['organizationIdentity (identity)', () => 'organizationIdentity=org-local', () => true],
    ['organizationIdentity (slug)', () => 'organizationIdentity=local', () => true],
    ['region (slug)', () => 'region=nl-01', (r) => r.context.region === 'nl-01'],
    ['unknown region', () => 'region=xx-99', () => false],
    ['outcome', () => 'outcome=failure', (r) => r.context.outcome === 'failure'],
    [
      'createdAfter is inclusive, createdBefore exclusive',
      () => `createdAfter=${at(400).createdAt}&createdBefore=${at(100).createdAt}`,
      (r) => r.createdAt >= at(400).createdAt && r.createdAt < at(100).createdAt,
    ],
    [
      'a timestamp with an offset',
      () => `createdAfter=${encodeURIComponent(offset(at(50).createdAt))}`,
      (r) => r.createdAt >= at(50).createdAt,
    ],
    [
      'combined: actions, outcome, search and time',
      () =>
        `action=kms.encrypt,kms.enable,kms.delete&outcome=failure&searchText=seed-key-0&createdBefore=${at(10).createdAt}&unknownParam=1`,
      (r) =>
        ['kms.encrypt', 'kms.enable', 'kms.delete'].includes(r.action) &&
        r.context.outcome === 'failure' &&
        (r.description?.includes('seed-key-0') ?? false) &&
        r.createdAt < at(10).createdAt,
    ],
  ];
  it.each(cases)('filter: %s', async (_, query, keep) => {
    const expected = everything.filter(keep);
    const res = await page(`${query()}&limit=500`);
    expect(res.totalItems).toBe(expected.length);
    expect(res.items).toEqual(expected.slice(0, 500));
  });

  it('seeds every 10th event as a 400 failure with a reason, spread over spanHours to now', () => {
    const seeded = everything.filter((r) => r.resourceIdentity.startsWith('kms-seed-'));
    expect(seeded).toHaveLength(COUNT);
    const failures = seeded.filter((r) => r.context.outcome === 'failure');
    expect(failures).toHaveLength(Math.floor(COUNT / 10));
    for (const r of failures) expect(r.context.reason).toBeTruthy();
    expect(seeded[0]?.createdAt).toBe(t.clock.now().toISOString());
    const oldest = Date.parse(seeded[seeded.length - 1]?.createdAt ?? '');
    expect(t.clock.now().getTime() - oldest).toBeLessThanOrEqual(48 * 3600_000);
    expect(t.clock.now().getTime() - oldest).toBeGreaterThan(47 * 3600_000);
    expect(new Set(seeded.map((r) => r.action))).toEqual(new Set(AUDIT_ACTIONS));
  });
});

function offset(iso: string): string {
  // The same instant written as +02:00.
  const d = new Date(Date.parse(iso) + 2 * 3600_000).toISOString();
  return `${d.slice(0, -1)}+02:00`;
}

describe('request checks', () => {
  it.each([
    ['page=0', 'page'],
    ['page=abc', 'page'],
    ['page=-1', 'page'],
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['limit=1.5', 'limit'],
    ['limit=', 'limit'],
    ['responseStatus=OK', 'responseStatus'],
    ['outcome=maybe', 'outcome'],
    ['createdAfter=yesterday', 'createdAfter'],
    ['organizationIdentity=org-nokms', 'organizationIdentity'],
  ])('400 for %s', async (query, field) => {
    expectError(await t.call('GET', '/v1/audit', { query }), 400, field);
  });

  it('401, 400, 404 and 403 like every other path', async () => {
    expectError(await t.call('GET', '/v1/audit', { token: null }), 401);
    expectError(await t.call('GET', '/v1/audit', { org: null }), 400, 'X-Organisation-Identity');
    expectError(await t.call('GET', '/v1/audit', { org: 'org-unknown' }), 404);
    expectError(await t.call('GET', '/v1/audit', { project: 'proj-unknown' }), 404);
    expectError(await t.call('GET', '/v1/audit', { org: 'org-nokms' }), 403);
  });
});

describe('POST /_emulator/seed-audit', () => {
  it('attributes events to given keys of the organisation; checks its body', async () => {
    const key = expectOk(
      'createKey',
      await t.endpoint('createKey', { region: 'nl-02' }, { body: { name: 'Seeded target' } }),
    );
    const res = await t.call('POST', '/_emulator/seed-audit', {
      body: { count: 20, keyIdentities: [key.identity], spanHours: 1 },
    });
    expect(res.json).toEqual({ inserted: 20 });
    const events = await page(`resourceIdentity=${key.identity}&limit=100`);
    expect(events.totalItems).toBe(21);
    for (const r of events.items) {
      expect(r.context.region).toBe('nl-02');
      expect(r.description).toContain('"Seeded target" (seeded-target)');
    }
    const seed = (body: unknown, o: CallOptions = {}) =>
      t.call('POST', '/_emulator/seed-audit', { body, ...o });
    expectError(await seed({ count: 1 }, { token: null }), 401);
    expectError(await seed({ count: 0 }), 400, 'count');
    expectError(await seed({ count: 200_001 }), 400, 'count');
    expectError(await seed({ count: 1, spanHours: 0 }), 400, 'spanHours');
    expectError(await seed({ count: 1, keyIdentities: ['kms-none'] }), 404, 'kms-none');
    expectError(await seed({ count: 1, region: 'xx-99' }), 404);
    expectError(await seed({ count: 1 }, { org: 'org-nokms' }), 403);
  });
});
