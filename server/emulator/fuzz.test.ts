import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENDPOINTS, errorBodySchema } from '../../src/contract/index';
import type { EndpointName } from '../../src/contract/index';
import { expectOk, startTestEmulator, TEST_TOKEN } from './test-support';
import type { TestEmulator } from './test-support';

/**
 * Generated malformed requests across every endpoint: wrong types, broken JSON, odd headers,
 * paths and queries. None may produce a 5xx, and every error must be a `{message}` body.
 */
const REQUESTS = 1200;

function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => {
    const item = items[int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  return { next, int, pick, chance: (p: number) => next() < p };
}

type Rng = ReturnType<typeof prng>;

const FIELD_NAMES = [
  'name',
  'keyType',
  'description',
  'labels',
  'annotations',
  'exportAllowed',
  'keyRotationEnabled',
  'rotationPeriodInDays',
  'importKeyMaterial',
  'hashFunction',
  'allowRotation',
  'plaintext',
  'keyVersion',
  'ciphertext',
  'input',
  'hashAlgorithm',
  'prehashed',
  'context',
  'signature',
  'algorithm',
  'hmac',
  '__proto__',
  'constructor',
  'prototype',
  '',
  'x'.repeat(300),
] as const;

function weirdValue(rng: Rng, depth = 0): unknown {
  const scalars: unknown[] = [
    null,
    true,
    false,
    0,
    -1,
    1.5,
    1e308,
    -0,
    3650,
    3651,
    65_535,
    Number.MAX_SAFE_INTEGER,
    '',
    ' ',
    '0',
    '-1',
    '1',
    '2',
    '99999999999',
    'true',
    'null',
    'NaN',
    'sha2-256',
    'sha2-999',
    'sha1',
    'aes256-gcm96',
    'ed25519',
    'hmac',
    'des',
    'rsa-1024',
    'a'.repeat(256),
    'b'.repeat(5000),
    '\u0000',
    '\ud800',
    '\u202e',
    '<script>alert(1)</script>',
    "'; DROP TABLE keys; --",
    '../../etc/passwd',
    'AAAA',
    'AAA',
    '====',
    'not base64!',
    'AQID',
    Buffer.alloc(70_000).toString('base64'),
    'thalassa:v1:',
    'thalassa:v0:AAAA',
    'thalassa:v1:AAAA',
    'thalassa:v99999999999:AAAA',
    'thalassa:v1:!!!!',
    'thalassa:v2:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    'thalassa:v1:' + 'A'.repeat(4000),
    'kms-',
    'kms-000',
    'thalassa',
  ];
  if (depth > 2 || rng.chance(0.7)) return rng.pick(scalars);
  if (rng.chance(0.5)) return Array.from({ length: rng.int(4) }, () => weirdValue(rng, depth + 1));
  const obj: Record<string, unknown> = {};
  for (let i = rng.int(5); i > 0; i--) obj[rng.pick(FIELD_NAMES)] = weirdValue(rng, depth + 1);
  if (rng.chance(0.2)) obj['bad key!'] = 'v';
  return obj;
}

function rawGarbage(rng: Rng): string | Uint8Array {
  const options: (() => string | Uint8Array)[] = [
    () => '{',
    () => '{"name": ',
    () => '{"name": "x",}',
    () => 'null',
    () => '1',
    () => '"string"',
    () => '[]',
    () => '[[[[[[[[[[[[[[[[[[[[',
    () => '['.repeat(20_000) + ']'.repeat(20_000),
    () => '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000),
    () => '\u0000\u0001\u0002',
    () => '{"plaintext": "\\ud800"}',
    () => new Uint8Array(Array.from({ length: 64 }, () => rng.int(256))),
    () => new Uint8Array([0xff, 0xfe, 0x7b, 0x7d]),
    () => '{"name": "' + 'n'.repeat(100_000) + '"}',
    () => JSON.stringify({ name: 'dup', name2: 1 }).replace('name2', 'name'),
  ];
  return rng.pick(options)();
}

/** A body for an endpoint: a mutation of a plausible one, or garbage. */
function bodyFor(rng: Rng): { body?: unknown; rawBody?: string | Uint8Array } {
  const roll = rng.next();
  if (roll < 0.25) return { rawBody: rawGarbage(rng) };
  if (roll < 0.3) return {};
  const obj: Record<string, unknown> = {};
  const n = 1 + rng.int(4);
  for (let i = 0; i < n; i++) obj[rng.pick(FIELD_NAMES)] = weirdValue(rng);
  // Never ask for slow RSA-4096 generation with an otherwise valid body.
  if (typeof obj.keyType === 'string' && obj.keyType.startsWith('rsa')) obj.keyType = 'rsa-1024';
  return { body: obj };
}

function headersFor(rng: Rng): { headers: Record<string, string>; replaceHeaders: boolean } {
  const headers: Record<string, string> = {};
  const auth = rng.pick([
    `Bearer ${TEST_TOKEN}`,
    `Bearer ${TEST_TOKEN}`,
    `Bearer ${TEST_TOKEN}`,
    `Token ${TEST_TOKEN}`,
    `bearer ${TEST_TOKEN}`,
    `Bearer  ${TEST_TOKEN} `,
    `Bearer ${TEST_TOKEN}x`,
    'Bearer',
    'Basic dXNlcjpwYXNz',
    '',
    `Bearer ${TEST_TOKEN} extra`,
    `Token\t${TEST_TOKEN}`,
  ]);
  if (auth !== '' || rng.chance(0.5)) headers.authorization = auth;
  const org = rng.pick([
    'org-local',
    'org-local',
    'org-local',
    'local',
    'org-nokms',
    'nobody',
    '',
    ' ',
    'ORG-LOCAL',
    '%00',
  ]);
  if (org !== '' || rng.chance(0.5)) headers['x-organisation-identity'] = org;
  if (rng.chance(0.3))
    headers['x-project-identity'] = rng.pick([
      'proj-web',
      'web',
      'proj-ci',
      'proj-x',
      '',
      'org-local',
    ]);
  if (rng.chance(0.3))
    headers['content-type'] = rng.pick([
      'application/json',
      'text/plain',
      'multipart/form-data; boundary=x',
      'application/x-www-form-urlencoded',
    ]);
  if (rng.chance(0.1)) headers['content-encoding'] = 'gzip';
  return { headers, replaceHeaders: true };
}

const QUERY_GARBAGE = [
  '',
  'status=bogus',
  'status=active',
  'keyType=aes256-gcm96',
  'keyType=x',
  'matchLabels[=x',
  'matchLabels[]=x',
  'matchLabels[team]=a&matchLabels[team]=b',
  'name=%ZZ',
  'version=0',
  'version=1',
  'version=-1',
  'version=1e3',
  'version=99999999999999999999',
  'version=',
  'version=1&version=2',
  'limit=0',
  'limit=abc',
  'limit=5',
  'resourceType=kms_key&resourceIdentity=kms-x',
  'identity=' + 'i'.repeat(3000),
  '%00=%00',
  '&&&',
  '=',
];

describe('fuzz: malformed requests never cause a 5xx', () => {
  let t: TestEmulator;
  const ids: string[] = [];
  beforeAll(async () => {
    t = await startTestEmulator({ testControls: false });
    for (const keyType of ['aes256-gcm96', 'ed25519', 'hmac-sha256', 'ecdsa-p256', 'rsa-2048']) {
      const res = await t.endpoint(
        'createKey',
        { region: 'nl-01' },
        { body: { name: `fuzz ${keyType}`, keyType, exportAllowed: true } },
      );
      ids.push(expectOk('createKey', res).identity);
    }
    ids.push('fuzz-ed25519');
  });
  afterAll(async () => {
    await t.close();
  });

  it(`sends ${REQUESTS} generated requests across all endpoints`, async () => {
    const rng = prng(20261129);
    const names: EndpointName[] = Object.values(ENDPOINTS).map((spec) => spec.name);
    const failures: string[] = [];
    const byStatus = new Map<number, number>();
    for (let i = 0; i < REQUESTS; i++) {
      const name = rng.pick(names);
      const spec = ENDPOINTS[name];
      // Most requests pass the header checks so that bodies, paths and queries get exercised.
      const plausible = rng.chance(0.6);
      let region = rng.pick([
        'nl-01',
        'nl-01',
        'nl-01',
        'nl-02',
        'de-01',
        'zz-99',
        '%ZZ',
        '%2F',
        'x'.repeat(2000),
        '%E2%98%83',
        '..',
      ]);
      // One RSA-4096 wrapping key is enough: nl-02 would generate a second one.
      if (plausible || (name === 'wrappingKey' && region === 'nl-02')) region = 'nl-01';
      const id =
        plausible || rng.chance(0.7)
          ? rng.pick(ids)
          : rng.pick([
              'kms-nope',
              '%ZZ',
              '%00',
              'a'.repeat(5000),
              '%2e%2e',
              'kms-%F0%9F%92%A9',
              ' ',
            ]);
      let path = spec.path.replace('{region}', region).replace('{id}', id);
      if (rng.chance(0.05)) path += rng.pick(['/', '//', '/extra', '%']);
      const method =
        plausible || rng.chance(0.85)
          ? spec.method
          : rng.pick(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
      const query = rng.chance(0.4) ? rng.pick(QUERY_GARBAGE) : '';
      const { headers, replaceHeaders } = plausible
        ? {
            headers: {
              authorization: `Bearer ${TEST_TOKEN}`,
              'x-organisation-identity': 'org-local',
            },
            replaceHeaders: true,
          }
        : headersFor(rng);
      const withBody =
        method !== 'GET' && method !== 'HEAD' && (spec.body !== null || rng.chance(0.3));
      const body = withBody ? bodyFor(rng) : {};
      const res = await t.call(method, path, { headers, replaceHeaders, query, ...body });
      byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
      const where = `#${i} ${method} ${path.slice(0, 80)}?${query.slice(0, 40)} -> ${res.status}`;
      const unavailable = res.status === 503 && region === 'de-01';
      if (res.status >= 500 && !unavailable) failures.push(`${where}: ${JSON.stringify(res.json)}`);
      else if (res.status >= 400 && !errorBodySchema.safeParse(res.json).success)
        failures.push(`${where}: not {message}`);
      else if (
        res.status < 300 &&
        method === spec.method &&
        !spec.response.safeParse(res.json).success
      ) {
        failures.push(`${where}: response does not match the contract`);
      }
    }
    expect(failures).toEqual([]);
    // The generator reached past the header checks into body validation and success paths.
    expect(byStatus.get(400) ?? 0).toBeGreaterThan(200);
    expect([...byStatus.keys()].filter((s) => s < 300).length).toBeGreaterThan(0);
    // Still alive and well.
    expectOk('summary', await t.endpoint('summary', {}));
  });
});
