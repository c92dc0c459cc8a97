import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../src/contract/index';
import type { AuditLog } from '../../src/contract/index';
import { allAuditRecords, auditPage } from './audit-test-support';
import { expectError, expectOk, startTestEmulator } from './test-support';
import type { CallOptions, TestEmulator } from './test-support';

/** `GET /v1/audit`: every query parameter and paging edge, over seeded events. */

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(async () => {
  await t.close();
});

const page = (query = '', options: CallOptions = {}) => auditPage(t, query, options);
const all = (query = '') => allAuditRecords(t, query);

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
