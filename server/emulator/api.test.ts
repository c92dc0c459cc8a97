import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPageSchema, ENDPOINTS, keySchema, MAX_BODY_BYTES } from '../../src/contract/index';
import type { EndpointName, Key } from '../../src/contract/index';
import { DAY_MS } from './clock';
import { b64, expectError, expectOk, START, startTestEmulator } from './test-support';
import type { CallOptions, TestEmulator } from './test-support';

let t: TestEmulator;
let counter = 0;

async function createKey(
  body: Record<string, unknown> = {},
  options: CallOptions = {},
  region = 'nl-01',
): Promise<Key> {
  counter += 1;
  const res = await t.endpoint(
    'createKey',
    { region },
    { body: { name: `Key ${counter}`, ...body }, ...options },
  );
  return expectOk('createKey', res);
}

beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(async () => {
  await t.close();
});

describe('request checks in the documented order (docs/emulator.md, Request checks)', () => {
  it('401 without or with an unknown token; accepts Bearer and Token', async () => {
    expectError(await t.endpoint('listKeys', { region: 'nl-01' }, { token: null }), 401);
    expectError(
      await t.endpoint('listKeys', { region: 'nl-01' }, { token: 'wrong-token-000' }),
      401,
    );
    // 401 comes before the missing organisation header.
    expectError(await t.endpoint('listKeys', { region: 'nl-01' }, { token: null, org: null }), 401);
    const asToken = await t.call('GET', '/v1/kms/nl-01/keys', {
      replaceHeaders: true,
      headers: {
        authorization: 'Token test-token-0123456789',
        'x-organisation-identity': 'org-local',
      },
    });
    expectOk('listKeys', asToken);
  });

  it('400 without X-Organisation-Identity, 404 for an unknown organisation or project', async () => {
    expectError(
      await t.endpoint('listKeys', { region: 'nl-01' }, { org: null }),
      400,
      'X-Organisation-Identity',
    );
    expectError(await t.endpoint('listKeys', { region: 'nl-01' }, { org: 'org-unknown' }), 404);
    expectError(
      await t.endpoint('listKeys', { region: 'nl-01' }, { project: 'proj-unknown' }),
      404,
    );
    // The organisation slug works as well as its identity.
    expectOk('listKeys', await t.endpoint('listKeys', { region: 'nl-01' }, { org: 'local' }));
  });

  it('403 when the organisation has KMS off (before the region check)', async () => {
    expectError(await t.endpoint('listKeys', { region: 'nl-01' }, { org: 'org-nokms' }), 403);
    expectError(await t.endpoint('listKeys', { region: 'zz-99' }, { org: 'org-nokms' }), 403);
  });

  it('404 for an unknown region, 503 where KMS is not available', async () => {
    expectError(await t.endpoint('listKeys', { region: 'zz-99' }), 404, 'zz-99');
    expectError(await t.endpoint('listKeys', { region: 'de-01' }), 503);
    expectError(await t.endpoint('createKey', { region: 'de-01' }, { body: { name: 'x' } }), 503);
  });

  it('404 for an unknown key comes before body validation', async () => {
    const res = await t.endpoint(
      'encrypt',
      { region: 'nl-01', id: 'kms-doesnotexist' },
      { body: { plaintext: 1 } },
    );
    expectError(res, 404);
  });

  it('405 for a wrong method with Allow, 404 for unknown routes', async () => {
    const res = await t.call('PUT', '/v1/kms/nl-01/keys');
    expectError(res, 405);
    expect(res.headers.get('allow')).toBe('GET, POST');
    expectError(await t.call('POST', '/v1/kms/summary'), 405);
    expectError(await t.call('GET', '/v1/kms/nl-01/keys/abc/encrypt'), 405);
    expectError(await t.call('GET', '/v1/nothing-here'), 404);
    expectError(await t.call('POST', '/v1/kms/nl-01/keys/abc/frobnicate'), 404);
  });

  it('413 for bodies over 1 MiB, before the token is even looked at', async () => {
    const big = JSON.stringify({ name: 'x', description: 'a'.repeat(MAX_BODY_BYTES) });
    expectError(await t.call('POST', '/v1/kms/nl-01/keys', { rawBody: big }), 413);
    expectError(await t.call('POST', '/v1/kms/nl-01/keys', { rawBody: big, token: null }), 413);
  });

  it('400 for malformed JSON, non-object bodies and wrong types, naming the field', async () => {
    expectError(await t.call('POST', '/v1/kms/nl-01/keys', { rawBody: '{"name": ' }), 400, 'JSON');
    expectError(await t.call('POST', '/v1/kms/nl-01/keys', { rawBody: '[1,2]' }), 400, 'object');
    expectError(
      await t.endpoint('createKey', { region: 'nl-01' }, { body: { name: 42 } }),
      400,
      'name',
    );
    expectError(
      await t.endpoint('createKey', { region: 'nl-01' }, { body: { name: 'ok', keyType: 'des' } }),
      400,
      'keyType',
    );
  });
});

describe('every region-scoped row answers the common errors in order', () => {
  const names: EndpointName[] = Object.values(ENDPOINTS)
    .filter((spec) => spec.path.includes('{region}'))
    .map((spec) => spec.name);

  it.each(names)('%s: 401, 400, 404 org/project, 403, 404 region, 503, 404 key', async (name) => {
    const key = await createKey({ keyType: 'ed25519' });
    const hasId = ENDPOINTS[name].path.includes('{id}');
    const params = (region: string, id = key.identity) => (hasId ? { region, id } : { region });
    const body = ENDPOINTS[name].body ? { body: {} } : {};
    const call = (region: string, options: CallOptions, id?: string) =>
      t.endpoint(name, params(region, id), { ...body, ...options });
    expectError(await call('nl-01', { token: null }), 401);
    expectError(await call('nl-01', { token: 'Bearer-but-wrong' }), 401);
    expectError(await call('nl-01', { org: null }), 400);
    expectError(await call('nl-01', { org: 'nobody' }), 404);
    expectError(await call('nl-01', { project: 'nobody' }), 404);
    expectError(await call('nl-01', { org: 'org-nokms' }), 403);
    expectError(await call('zz-99', {}), 404);
    expectError(await call('de-01', {}), 503);
    if (hasId) {
      expectError(await call('nl-01', {}, 'kms-nope'), 404);
      expectError(await call('nl-01', { project: 'proj-web' }), 404);
    }
  });
});

describe('summary (row 1)', () => {
  it('lists every region with per-status counts for the active scope', async () => {
    const before = expectOk('summary', await t.endpoint('summary', {}));
    expect(before.featureEnabled).toBe(true);
    expect(before.regions.map((r) => [r.slug, r.kmsAvailable])).toEqual([
      ['nl-01', true],
      ['nl-02', true],
      ['de-01', false],
    ]);
    const count = (s: typeof before, slug: string) => s.regions.find((r) => r.slug === slug);
    const a = await createKey({}, {}, 'nl-02');
    const b = await createKey({}, {}, 'nl-02');
    await createKey({}, { project: 'proj-ci' }, 'nl-02');
    expectOk('disableKey', await t.endpoint('disableKey', { region: 'nl-02', id: a.identity }));
    expectOk('deleteKey', await t.endpoint('deleteKey', { region: 'nl-02', id: b.identity }));
    const after = expectOk('summary', await t.endpoint('summary', {}));
    const n0 = count(before, 'nl-02');
    const n1 = count(after, 'nl-02');
    expect(n1?.totalKeys).toBe((n0?.totalKeys ?? 0) + 2);
    expect(n1?.disabledKeys).toBe((n0?.disabledKeys ?? 0) + 1);
    expect(n1?.pendingDeletionKeys).toBe((n0?.pendingDeletionKeys ?? 0) + 1);
    const ci = expectOk('summary', await t.endpoint('summary', {}, { project: 'proj-ci' }));
    expect(count(ci, 'nl-02')).toMatchObject({ totalKeys: 1, activeKeys: 1 });
  });

  it('answers 200 featureEnabled false with no regions when KMS is off', async () => {
    const s = expectOk('summary', await t.endpoint('summary', {}, { org: 'org-nokms' }));
    expect(s).toEqual({ featureEnabled: false, regions: [] });
  });

  it('401, 400 and 404 like every path', async () => {
    expectError(await t.endpoint('summary', {}, { token: null }), 401);
    expectError(await t.endpoint('summary', {}, { org: null }), 400);
    expectError(await t.endpoint('summary', {}, { org: 'nobody' }), 404);
    expectError(await t.endpoint('summary', {}, { project: 'nobody' }), 404);
  });
});

describe('create (row 3) and get (row 4)', () => {
  it('creates with defaults: version 1, aes256-gcm96, objectVersion 1', async () => {
    const res = await t.endpoint(
      'createKey',
      { region: 'nl-01' },
      { body: { name: 'Orders DB (primary)' } },
    );
    const key = expectOk('createKey', res);
    expect(key.identity).toMatch(/^kms-[a-z0-9]{20}$/);
    expect(key).toMatchObject({
      name: 'Orders DB (primary)',
      slug: 'orders-db-primary',
      keyType: 'aes256-gcm96',
      status: 'active',
      exportAllowed: false,
      imported: false,
      keyRotationEnabled: false,
      latestVersion: 1,
      minDecryptionVersion: 1,
      objectVersion: 1,
      organisation: { identity: 'org-local', slug: 'local' },
    });
    expect(key.projectId).toBeUndefined();
    expect(key.versions).toEqual([
      { version: 1, status: 'active', createdAt: START.toISOString() },
    ]);
  });

  it('the Thalassa docs examples: rotation, and project-scoped ed25519', async () => {
    const rotating = await createKey({
      name: 'my-encryption-key',
      keyType: 'aes256-gcm96',
      description: 'Application data encryption',
      labels: { environment: 'production' },
      keyRotationEnabled: true,
      rotationPeriodInDays: 90,
    });
    expect(rotating).toMatchObject({
      keyRotationEnabled: true,
      rotationPeriodInDays: 90,
      labels: { environment: 'production' },
    });
    const signing = await createKey(
      { name: 'my-signing-key', keyType: 'ed25519' },
      { project: 'proj-web' },
    );
    expect(signing.projectId).toBe('proj-web');
  });

  it('gets by identity or slug; another scope sees 404', async () => {
    const key = await createKey({ name: 'Scoped lookup' });
    expect(
      expectOk('getKey', await t.endpoint('getKey', { region: 'nl-01', id: key.identity })),
    ).toEqual(key);
    expect(
      expectOk('getKey', await t.endpoint('getKey', { region: 'nl-01', id: 'scoped-lookup' }))
        .identity,
    ).toBe(key.identity);
    expectError(
      await t.endpoint('getKey', { region: 'nl-01', id: key.identity }, { project: 'proj-web' }),
      404,
    );
    expectError(await t.endpoint('getKey', { region: 'nl-02', id: key.identity }), 404);
    expectError(await t.endpoint('getKey', { region: 'nl-01', id: 'kms-missing' }), 404);
    expectError(
      await t.endpoint('getKey', { region: 'nl-01', id: key.identity }, { token: null }),
      401,
    );
    expectError(
      await t.endpoint('getKey', { region: 'nl-01', id: key.identity }, { org: 'org-nokms' }),
      403,
    );
  });

  it('400 on invalid fields, naming them', async () => {
    const create = (body: Record<string, unknown>) =>
      t.endpoint('createKey', { region: 'nl-01' }, { body });
    expectError(await create({}), 400, 'name');
    expectError(await create({ name: '---' }), 400, 'name');
    expectError(await create({ name: 'r', keyRotationEnabled: true }), 400, 'rotationPeriodInDays');
    expectError(
      await create({ name: 'r', keyRotationEnabled: true, rotationPeriodInDays: 0 }),
      400,
      'rotationPeriodInDays',
    );
    expectError(
      await create({ name: 'r', rotationPeriodInDays: 3651 }),
      400,
      'rotationPeriodInDays',
    );
    expectError(await create({ name: 'l', labels: { 'bad key!': 'v' } }), 400, 'labels');
    expectError(await create({ name: 'l', labels: { ok: 'bad value!' } }), 400, 'labels');
    expectError(await create({ name: 'd', description: 'x'.repeat(1025) }), 400, 'description');
    expectError(
      await create({ name: 'h', keyType: 'hmac', importKeyMaterial: 'AAAA' }),
      400,
      'importKeyMaterial',
    );
  });

  it('409 for a duplicate slug in the same scope and region only', async () => {
    await createKey({ name: 'Duplicate Me' });
    expectError(
      await t.endpoint('createKey', { region: 'nl-01' }, { body: { name: 'duplicate-me' } }),
      409,
    );
    // Same slug in another project, region or organisation scope is fine.
    await createKey({ name: 'Duplicate Me' }, { project: 'proj-web' });
    await createKey({ name: 'Duplicate Me' }, {}, 'nl-02');
  });

  it('concurrent creates of one slug: exactly one 201, the rest 409', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        t.endpoint(
          'createKey',
          { region: 'nl-01' },
          { body: { name: 'Race', keyType: 'ed25519' } },
        ),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(11);
    const listed = expectOk(
      'listKeys',
      await t.endpoint('listKeys', { region: 'nl-01' }, { query: 'slug=race' }),
    );
    expect(listed).toHaveLength(1);
  });
});

describe('list (row 2)', () => {
  it('filters by name, slug, identity, status, keyType and matchLabels (ANDed, exact)', async () => {
    const region = 'nl-02';
    const project = 'proj-web';
    const opts = { project };
    const mk = (body: Record<string, unknown>) => createKey(body, opts, region);
    const a = await mk({ name: 'Alpha', labels: { team: 'a', env: 'prod' } });
    const b = await mk({ name: 'Beta', keyType: 'ed25519', labels: { team: 'b', env: 'prod' } });
    const c = await mk({ name: 'Gamma', labels: { team: 'a', env: 'dev' } });
    expectOk('disableKey', await t.endpoint('disableKey', { region, id: c.identity }, opts));
    const list = async (query: string) =>
      expectOk('listKeys', await t.endpoint('listKeys', { region }, { ...opts, query })).map(
        (k) => k.name,
      );
    expect(await list('')).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(await list('name=Beta')).toEqual(['Beta']);
    expect(await list('name=beta')).toEqual([]);
    expect(await list('slug=gamma')).toEqual(['Gamma']);
    expect(await list(`identity=${a.identity}`)).toEqual(['Alpha']);
    expect(await list('status=disabled')).toEqual(['Gamma']);
    expect(await list('keyType=ed25519')).toEqual(['Beta']);
    expect(await list(encodeURI('matchLabels[team]=a'))).toEqual(['Alpha', 'Gamma']);
    expect(await list(encodeURI('matchLabels[team]=a&matchLabels[env]=prod'))).toEqual(['Alpha']);
    expect(await list(encodeURI('matchLabels[team]=a&status=active&unknown=1'))).toEqual(['Alpha']);
    expect(b.identity).not.toBe(a.identity);
    expectError(
      await t.endpoint('listKeys', { region }, { ...opts, query: 'status=gone' }),
      400,
      'status',
    );
    expectError(
      await t.endpoint('listKeys', { region }, { ...opts, query: 'keyType=des' }),
      400,
      'keyType',
    );
  });
});

describe('lifecycle (rows 5-8)', () => {
  it('delete schedules deletion 30 days out; cancel restores; objectVersion rises each time', async () => {
    const key = await createKey();
    const id = key.identity;
    const deleted = expectOk('deleteKey', await t.endpoint('deleteKey', { region: 'nl-01', id }));
    expect(deleted.status).toBe('pending_deletion');
    expect(deleted.deletionScheduledAt).toBe(
      new Date(t.clock.now().getTime() + 30 * DAY_MS).toISOString(),
    );
    expect(deleted.objectVersion).toBe(2);
    // Still listed and gettable while pending.
    expect(expectOk('getKey', await t.endpoint('getKey', { region: 'nl-01', id })).status).toBe(
      'pending_deletion',
    );
    expectError(await t.endpoint('deleteKey', { region: 'nl-01', id }), 400);
    expectError(await t.endpoint('enableKey', { region: 'nl-01', id }), 400);
    const restored = expectOk(
      'cancelDeletion',
      await t.endpoint('cancelDeletion', { region: 'nl-01', id }),
    );
    expect(restored.status).toBe('active');
    expect(restored.deletionScheduledAt).toBeUndefined();
    expect(restored.objectVersion).toBe(3);
    expectError(await t.endpoint('cancelDeletion', { region: 'nl-01', id }), 400);
  });

  it('disable and enable; impossible transitions are 400; delete works from disabled', async () => {
    const key = await createKey();
    const id = key.identity;
    expectError(await t.endpoint('enableKey', { region: 'nl-01', id }), 400, 'disabled');
    const disabled = expectOk(
      'disableKey',
      await t.endpoint('disableKey', { region: 'nl-01', id }),
    );
    expect(disabled).toMatchObject({ status: 'disabled', objectVersion: 2 });
    expectError(await t.endpoint('disableKey', { region: 'nl-01', id }), 400);
    expectError(await t.endpoint('rotateKey', { region: 'nl-01', id }), 400);
    const enabled = expectOk('enableKey', await t.endpoint('enableKey', { region: 'nl-01', id }));
    expect(enabled).toMatchObject({ status: 'active', objectVersion: 3 });
    expectOk('disableKey', await t.endpoint('disableKey', { region: 'nl-01', id }));
    expect(
      expectOk('deleteKey', await t.endpoint('deleteKey', { region: 'nl-01', id })).status,
    ).toBe('pending_deletion');
  });

  it('404 for unknown keys on every lifecycle row', async () => {
    for (const name of [
      'deleteKey',
      'cancelDeletion',
      'disableKey',
      'enableKey',
      'rotateKey',
    ] as const) {
      expectError(await t.endpoint(name, { region: 'nl-01', id: 'kms-nope' }), 404);
      expectError(
        await t.endpoint(name, { region: 'nl-01', id: 'kms-nope' }, { token: null }),
        401,
      );
    }
  });
});

describe('rotation (rows 9-10)', () => {
  it('rotate adds the next version; old ciphertext keeps decrypting', async () => {
    const key = await createKey();
    const id = key.identity;
    const enc = expectOk(
      'encrypt',
      await t.endpoint('encrypt', { region: 'nl-01', id }, { body: { plaintext: b64('v1 data') } }),
    );
    expect(enc.keyVersion).toBe('1');
    t.clock.advance(DAY_MS);
    const rotated = expectOk('rotateKey', await t.endpoint('rotateKey', { region: 'nl-01', id }));
    expect(rotated.latestVersion).toBe(2);
    expect(rotated.objectVersion).toBe(2);
    expect(rotated.versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'active'],
      [2, 'active'],
    ]);
    expect(rotated.versions[1]?.createdAt).toBe(t.clock.now().toISOString());
    const enc2 = expectOk(
      'encrypt',
      await t.endpoint('encrypt', { region: 'nl-01', id }, { body: { plaintext: b64('v2') } }),
    );
    expect(enc2.ciphertext.startsWith('thalassa:v2:')).toBe(true);
    const dec = expectOk(
      'decrypt',
      await t.endpoint(
        'decrypt',
        { region: 'nl-01', id },
        { body: { ciphertext: enc.ciphertext } },
      ),
    );
    expect(dec).toEqual({ plaintext: b64('v1 data'), keyVersion: '1' });
  });

  it('PATCH rotation: enable with a period, keep the period when disabling, 400 without one', async () => {
    const key = await createKey();
    const id = key.identity;
    const patch = (body: unknown) =>
      t.endpoint('updateRotation', { region: 'nl-01', id }, { body });
    // `{}` is a no-op: 200 with the unchanged key (Terraform sends it when rotation is off).
    const same = expectOk('updateRotation', await patch({}));
    expect(same).toEqual(key);
    expect(same.objectVersion).toBe(1);
    expectError(await patch({ keyRotationEnabled: true }), 400, 'rotationPeriodInDays');
    expectError(await patch({ rotationPeriodInDays: 0 }), 400, 'rotationPeriodInDays');
    expectError(await patch({ keyRotationEnabled: 'yes' }), 400, 'keyRotationEnabled');
    const on = expectOk(
      'updateRotation',
      await patch({ keyRotationEnabled: true, rotationPeriodInDays: 30 }),
    );
    expect(on).toMatchObject({
      keyRotationEnabled: true,
      rotationPeriodInDays: 30,
      objectVersion: 2,
    });
    const off = expectOk('updateRotation', await patch({ keyRotationEnabled: false }));
    expect(off).toMatchObject({
      keyRotationEnabled: false,
      rotationPeriodInDays: 30,
      objectVersion: 3,
    });
    const again = expectOk('updateRotation', await patch({ keyRotationEnabled: true }));
    expect(again).toMatchObject({ keyRotationEnabled: true, rotationPeriodInDays: 30 });
    expectError(
      await t.endpoint('updateRotation', { region: 'nl-01', id: 'kms-none' }, { body: {} }),
      404,
    );
  });
});

describe('crypto (rows 11-16)', () => {
  it('encrypt/decrypt round trip for AES and ChaCha; errors are 400', async () => {
    for (const keyType of ['aes128-gcm96', 'aes256-gcm96', 'chacha20-poly1305']) {
      const { identity: id } = await createKey({ keyType });
      const enc = expectOk(
        'encrypt',
        await t.endpoint(
          'encrypt',
          { region: 'nl-01', id },
          { body: { plaintext: b64('secret') } },
        ),
      );
      expect(enc.ciphertext).toMatch(/^thalassa:v1:[A-Za-z0-9+/=]+$/);
      const dec = expectOk(
        'decrypt',
        await t.endpoint('decrypt', { region: 'nl-01', id }, { body: enc }),
      );
      expect(Buffer.from(dec.plaintext, 'base64').toString()).toBe('secret');
    }
    const { identity: id } = await createKey();
    const enc = (body: unknown) => t.endpoint('encrypt', { region: 'nl-01', id }, { body });
    const dec = (body: unknown) => t.endpoint('decrypt', { region: 'nl-01', id }, { body });
    expectError(await enc({ plaintext: 'not base64!' }), 400, 'plaintext');
    expectError(await enc({ plaintext: '' }), 400, 'plaintext');
    expectError(
      await enc({ plaintext: Buffer.alloc(65_536).toString('base64') }),
      400,
      'plaintext',
    );
    expectError(await enc({ plaintext: b64('x'), keyVersion: '2' }), 400, 'keyVersion');
    expectError(await enc({ plaintext: b64('x'), keyVersion: 2 }), 400, 'keyVersion');
    expectError(await dec({ ciphertext: 'garbage' }), 400, 'ciphertext');
    expectError(await dec({ ciphertext: 'thalassa:v7:AAAA' }), 400, 'ciphertext');
    const good = expectOk('encrypt', await enc({ plaintext: b64('tamper me') }));
    const raw = Buffer.from(good.ciphertext.split(':')[2] ?? '', 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expectError(await dec({ ciphertext: `thalassa:v1:${raw.toString('base64')}` }), 400);
    expectError(
      await t.endpoint(
        'encrypt',
        { region: 'nl-01', id: 'kms-none' },
        { body: { plaintext: b64('x') } },
      ),
      404,
    );
    expectError(
      await t.endpoint('decrypt', { region: 'nl-01', id: 'kms-none' }, { body: {} }),
      404,
    );
    // Only active keys do crypto.
    expectOk('disableKey', await t.endpoint('disableKey', { region: 'nl-01', id }));
    expectError(await enc({ plaintext: b64('x') }), 400, 'active');
    expectError(await dec(good), 400, 'active');
  });

  it('RSA: encrypt within the OAEP limit, sign/verify with PSS, public key PEM', async () => {
    const { identity: id } = await createKey({ keyType: 'rsa-2048' });
    const at = { region: 'nl-01', id };
    expectError(
      await t.endpoint('encrypt', at, {
        body: { plaintext: Buffer.alloc(191).toString('base64') },
      }),
      400,
      '190',
    );
    const enc = expectOk(
      'encrypt',
      await t.endpoint('encrypt', at, {
        body: { plaintext: Buffer.alloc(190, 7).toString('base64') },
      }),
    );
    const dec = expectOk('decrypt', await t.endpoint('decrypt', at, { body: enc }));
    expect(Buffer.from(dec.plaintext, 'base64')).toEqual(Buffer.alloc(190, 7));
    for (const hashAlgorithm of ['sha2-256', 'sha2-384', 'sha2-512'] as const) {
      const sig = expectOk(
        'sign',
        await t.endpoint('sign', at, { body: { input: b64('doc'), hashAlgorithm } }),
      );
      const ok = expectOk(
        'verify',
        await t.endpoint('verify', at, {
          body: { input: b64('doc'), signature: sig.signature, hashAlgorithm },
        }),
      );
      expect(ok.valid).toBe(true);
    }
    const pk = expectOk('publicKey', await t.endpoint('publicKey', at));
    expect(pk.keys['1']).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  });

  it('ECDSA and Ed25519 sign/verify; mismatches are valid:false; bad requests 400', async () => {
    for (const keyType of ['ecdsa-p256', 'ed25519']) {
      const { identity: id } = await createKey({ keyType });
      const at = { region: 'nl-01', id };
      const sig = expectOk(
        'sign',
        await t.endpoint('sign', at, { body: { input: b64('message') } }),
      );
      expect(sig).toMatchObject({ keyVersion: '1' });
      expect(
        expectOk(
          'verify',
          await t.endpoint('verify', at, {
            body: { input: b64('message'), signature: sig.signature },
          }),
        ).valid,
      ).toBe(true);
      expect(
        expectOk(
          'verify',
          await t.endpoint('verify', at, {
            body: { input: b64('other'), signature: sig.signature },
          }),
        ).valid,
      ).toBe(false);
      expectError(
        await t.endpoint('sign', at, { body: { input: b64('m'), context: 'ctx' } }),
        400,
        'context',
      );
      expectError(
        await t.endpoint('verify', at, { body: { input: b64('m'), signature: 'nope' } }),
        400,
        'signature',
      );
      expectError(
        await t.endpoint('verify', at, {
          body: { input: b64('m'), signature: 'thalassa:v9:AAAA' },
        }),
        400,
        'signature',
      );
      expectError(
        await t.endpoint('encrypt', at, { body: { plaintext: b64('m') } }),
        400,
        'encrypt',
      );
      expectError(await t.endpoint('hmac', at, { body: { input: b64('m') } }), 400, 'hmac');
    }
    const { identity: ed } = await createKey({ keyType: 'ed25519' });
    const digest = Buffer.alloc(32, 1).toString('base64');
    expectError(
      await t.endpoint(
        'sign',
        { region: 'nl-01', id: ed },
        { body: { input: digest, prehashed: true } },
      ),
      400,
      'prehashed',
    );
    const { identity: ec } = await createKey({ keyType: 'ecdsa-p256' });
    const pre = expectOk(
      'sign',
      await t.endpoint(
        'sign',
        { region: 'nl-01', id: ec },
        { body: { input: digest, prehashed: true } },
      ),
    );
    expect(pre.signature.startsWith('thalassa:v1:')).toBe(true);
    expectError(
      await t.endpoint(
        'sign',
        { region: 'nl-01', id: ec },
        { body: { input: b64('short'), prehashed: true } },
      ),
      400,
      'input',
    );
    expectError(await t.endpoint('sign', { region: 'nl-01', id: 'kms-none' }, { body: {} }), 404);
    expectError(await t.endpoint('verify', { region: 'nl-01', id: 'kms-none' }, { body: {} }), 404);
  });

  it('HMAC and verify-hmac with the fixed hash', async () => {
    const { identity: id } = await createKey({ keyType: 'hmac-sha512' });
    const at = { region: 'nl-01', id };
    const mac = expectOk(
      'hmac',
      await t.endpoint('hmac', at, { body: { input: b64('payload'), algorithm: 'sha2-512' } }),
    );
    expect(Buffer.from(mac.hmac.split(':')[2] ?? '', 'base64')).toHaveLength(64);
    const ok = expectOk(
      'verifyHmac',
      await t.endpoint('verifyHmac', at, { body: { input: b64('payload'), hmac: mac.hmac } }),
    );
    expect(ok).toEqual({ valid: true, keyVersion: '1' });
    const bad = expectOk(
      'verifyHmac',
      await t.endpoint('verifyHmac', at, { body: { input: b64('other'), hmac: mac.hmac } }),
    );
    expect(bad.valid).toBe(false);
    expectError(
      await t.endpoint('hmac', at, { body: { input: b64('p'), algorithm: 'sha2-256' } }),
      400,
      'algorithm',
    );
    expectError(
      await t.endpoint('verifyHmac', at, {
        body: { input: b64('p'), hmac: mac.hmac, hashAlgorithm: 'sha2-384' },
      }),
      400,
      'hashAlgorithm',
    );
    expectError(
      await t.endpoint('verifyHmac', at, { body: { input: b64('p'), hmac: 'x' } }),
      400,
      'hmac',
    );
    expectError(await t.endpoint('encrypt', at, { body: { plaintext: b64('p') } }), 400);
    expectError(await t.endpoint('sign', at, { body: { input: b64('p') } }), 400);
    expectError(await t.endpoint('hmac', { region: 'nl-01', id: 'kms-none' }, { body: {} }), 404);
    expectError(
      await t.endpoint('verifyHmac', { region: 'nl-01', id: 'kms-none' }, { body: {} }),
      404,
    );
  });
});

describe('public key (row 17) and export (row 18)', () => {
  it('public key of every version or one; any status; 400 for bad versions and symmetric keys', async () => {
    const { identity: id } = await createKey({ keyType: 'ed25519' });
    const at = { region: 'nl-01', id };
    expectOk('rotateKey', await t.endpoint('rotateKey', at));
    const all = expectOk('publicKey', await t.endpoint('publicKey', at));
    expect(Object.keys(all.keys)).toEqual(['1', '2']);
    expect(Buffer.from(all.keys['1'] ?? '', 'base64')).toHaveLength(32);
    expect(all.keys['1']).not.toBe(all.keys['2']);
    expectOk('disableKey', await t.endpoint('disableKey', at));
    const one = expectOk('publicKey', await t.endpoint('publicKey', at, { query: 'version=2' }));
    expect(one.keys).toEqual({ '2': all.keys['2'] });
    expectError(await t.endpoint('publicKey', at, { query: 'version=abc' }), 400, 'version');
    expectError(await t.endpoint('publicKey', at, { query: 'version=3' }), 400, 'version');
    const { identity: aes } = await createKey();
    expectError(await t.endpoint('publicKey', { region: 'nl-01', id: aes }), 400);
    expectError(await t.endpoint('publicKey', { region: 'nl-01', id: 'kms-none' }), 404);
  });

  it('export only with exportAllowed and only for active keys', async () => {
    const { identity: id } = await createKey({ exportAllowed: true, keyType: 'hmac-sha256' });
    const at = { region: 'nl-01', id };
    const ex = expectOk('exportKey', await t.endpoint('exportKey', at, { body: {} }));
    expect(ex.keyVersion).toBe('1');
    expect(Buffer.from(ex.keyMaterial, 'base64')).toHaveLength(32);
    expectOk('exportKey', await t.endpoint('exportKey', at, { rawBody: '' }));
    expectError(
      await t.endpoint('exportKey', at, { body: { keyVersion: '5' } }),
      400,
      'keyVersion',
    );
    expectOk('disableKey', await t.endpoint('disableKey', at));
    expectError(await t.endpoint('exportKey', at, { body: {} }), 400, 'active');
    const { identity: locked } = await createKey();
    expectError(
      await t.endpoint('exportKey', { region: 'nl-01', id: locked }, { body: {} }),
      400,
      'exportAllowed',
    );
    expectError(
      await t.endpoint('exportKey', { region: 'nl-01', id: 'kms-none' }, { body: {} }),
      404,
    );
  });
});

describe('audit feed', () => {
  it('records operations newest first, scope-checked, without plaintext, material or token', async () => {
    const secret = 'TOP-SECRET-PLAINTEXT';
    const { identity: id } = await createKey({ exportAllowed: true });
    const at = { region: 'nl-01', id };
    t.clock.advance(1000);
    const enc = expectOk(
      'encrypt',
      await t.endpoint('encrypt', at, { body: { plaintext: b64(secret) } }),
    );
    t.clock.advance(1000);
    expectOk('decrypt', await t.endpoint('decrypt', at, { body: enc }));
    t.clock.advance(1000);
    const ex = expectOk('exportKey', await t.endpoint('exportKey', at, { body: {} }));
    t.clock.advance(1000);
    expectError(
      await t.endpoint('decrypt', at, { body: { ciphertext: 'thalassa:v1:AAAAAAAA' } }),
      400,
    );
    const res = await t.call('GET', '/v1/audit', {
      query: `resourceType=kms_key&resourceIdentity=${id}&limit=10`,
    });
    expect(res.status).toBe(200);
    const events = auditPageSchema.parse(res.json).items;
    expect(events.map((e) => [e.action, e.context.outcome])).toEqual([
      ['kms.decrypt', 'failure'],
      ['kms.export', 'success'],
      ['kms.decrypt', 'success'],
      ['kms.encrypt', 'success'],
      ['kms.create', 'success'],
    ]);
    expect(events[1]).toMatchObject({
      resourceType: 'kms_key',
      resourceIdentity: id,
      organizationIdentity: 'org-local',
      userIdentity: 'local-token',
      context: { keyVersion: '1', region: 'nl-01', responseStatus: 200 },
    });
    expect(events[0]?.context.reason).toMatch(/ciphertext|decrypt/i);
    const text = JSON.stringify(events);
    for (const forbidden of [
      secret,
      b64(secret),
      ex.keyMaterial,
      'test-token-0123456789',
      enc.ciphertext,
    ]) {
      expect(text).not.toContain(forbidden);
    }
    const limited = auditPageSchema.parse(
      (await t.call('GET', '/v1/audit', { query: `resourceIdentity=${id}&limit=2` })).json,
    );
    expect(limited.items).toHaveLength(2);
    expect(limited.totalItems).toBe(5);
    // The log is organisation-wide: a project header does not hide organisation keys' events.
    const other = await t.call('GET', '/v1/audit', {
      query: `resourceIdentity=${id}`,
      project: 'proj-web',
    });
    expect(auditPageSchema.parse(other.json).totalItems).toBe(5);
    expectError(await t.call('GET', '/v1/audit', { token: null }), 401);
    expectError(await t.call('GET', '/v1/audit', { org: null }), 400);
    expectError(await t.call('GET', '/v1/audit', { query: 'limit=0' }), 400, 'limit');
    expectError(await t.call('GET', '/v1/audit', { query: 'limit=lots' }), 400, 'limit');
  });
});

describe('response shape', () => {
  it('projectId is present exactly for project keys; every listed key parses', async () => {
    await createKey({}, { project: 'proj-ci' });
    const keys = expectOk(
      'listKeys',
      await t.endpoint('listKeys', { region: 'nl-01' }, { project: 'proj-ci' }),
    );
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) expect(keySchema.parse(k).projectId).toBe('proj-ci');
    const orgKeys = expectOk('listKeys', await t.endpoint('listKeys', { region: 'nl-01' }));
    for (const k of orgKeys) expect(k.projectId).toBeUndefined();
  });
});
