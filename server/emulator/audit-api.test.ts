import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../src/contract/index';
import type { Key } from '../../src/contract/index';
import { allAuditRecords, auditPage } from './audit-test-support';
import { b64, expectError, expectOk, ORG, startTestEmulator, TEST_TOKEN } from './test-support';
import type { CallOptions, TestEmulator } from './test-support';

/** `GET /v1/audit` after every KMS operation: one record each, in the AuditLog shape. */

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(async () => {
  await t.close();
});

const page = (query = '', options: CallOptions = {}) => auditPage(t, query, options);
const all = (query = '') => allAuditRecords(t, query);

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
