import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  decryptResponseSchema,
  encryptResponseSchema,
  hmacResponseSchema,
  keyListSchema,
  keySchema,
  publicKeyResponseSchema,
  signResponseSchema,
  slugify,
  summarySchema,
  verifyHmacResponseSchema,
  verifyResponseSchema,
} from '../../src/contract/index';
import type { CreateKeyRequest, Key, KeyType } from '../../src/contract/index';
import { b64, killCliProcesses, startCli, tempDataDir } from './test-support';
import type { CliProcess } from './test-support';

/**
 * Several concurrent clients create keys and rotate them (the same keys, from different clients)
 * against the real CLI process, which is killed with SIGKILL while requests are in flight and
 * restarted on the same data folder. Every acknowledged write must be there, whole.
 */
const REGION = 'nl-01';
const CLIENTS = 6;
/** Kill once this many writes (creates + rotations) were acknowledged... */
const KILL_AFTER_ACKS = 90;
/** ...and never send more than this many (the test stops by itself even if the kill misfires). */
const MAX_REQUESTS = 400;
const BATCH = 'concurrent';
/** The rotation of each create: RSA generation is slow, so one create in ten. */
const TYPES: readonly KeyType[] = [
  'aes256-gcm96',
  'ed25519',
  'hmac-sha256',
  'chacha20-poly1305',
  'ecdsa-p256',
  'aes128-gcm96',
  'hmac-sha512',
  'ed25519',
  'aes256-gcm96',
  'rsa-2048',
];

const dataDir = tempDataDir();

afterAll(async () => {
  await killCliProcesses();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Scope {
  project?: string;
}
/** Clients 0-3 work in organisation scope, 4-5 in project proj-web's. */
const scopeOf = (client: number): Scope => (client >= 4 ? { project: 'proj-web' } : {});
const scopeName = (scope: Scope) => scope.project ?? 'org';

/**
 * The create request of write number i (i % 3 is 0 or 1), fixed by i alone. Writes 3n and 3n+1
 * (usually two clients at once) ask for the same name: in one scope, one gets 201, the other 409.
 */
function createRequest(i: number, client: number): CreateKeyRequest {
  const n = Math.floor(i / 3);
  const keyType = TYPES[n % TYPES.length] ?? 'aes256-gcm96';
  const rotating = n % 4 === 0;
  return {
    name: `Durable ${n} <${keyType}>`,
    keyType,
    description: `write ${i} by client ${client}`,
    labels: { batch: BATCH, client: String(client) },
    annotations: { 'example.com/note': `write ${i}: "quoted" & <markup>` },
    exportAllowed: i % 3 === 0,
    keyRotationEnabled: rotating,
    ...(rotating || i % 5 === 0 ? { rotationPeriodInDays: 30 + (i % 300) } : {}),
  };
}

interface WriteLog {
  acknowledged: Map<string, Key>;
  /** Key identity → every latestVersion a rotation of it was acknowledged with. */
  rotations: Map<string, number[]>;
  /** Names refused with 409, by scope. */
  conflicts: Set<string>;
  /** Every create sent (acknowledged or not): scope + name. */
  attempted: Set<string>;
}

function wholeVersions(key: Key): void {
  expect(
    key.versions.map((v) => v.version),
    `${key.identity} versions`,
  ).toEqual(Array.from({ length: key.latestVersion }, (_, i) => i + 1));
}

/** Uses every version of the key for what its type does, and checks the result. */
async function exerciseEveryVersion(cli: CliProcess, key: Key, scope: Scope): Promise<void> {
  const path = `/v1/kms/${REGION}/keys/${key.identity}`;
  const input = b64(`durable ${key.identity}`);
  const post = (op: string, body: unknown) => cli.request('POST', `${path}/${op}`, body, scope);
  const versions = key.versions.map((v) => String(v.version));
  if (key.keyType.startsWith('aes') || key.keyType === 'chacha20-poly1305') {
    for (const keyVersion of versions) {
      const enc = await post('encrypt', { plaintext: input, keyVersion });
      expect(enc.status, `${key.identity} v${keyVersion} encrypt`).toBe(200);
      const { ciphertext } = encryptResponseSchema.parse(enc.json);
      const dec = decryptResponseSchema.parse((await post('decrypt', { ciphertext })).json);
      expect(dec).toEqual({ plaintext: input, keyVersion });
    }
  } else if (key.keyType.startsWith('hmac')) {
    for (const keyVersion of versions) {
      const mac = await post('hmac', { input, keyVersion });
      expect(mac.status, `${key.identity} v${keyVersion} hmac`).toBe(200);
      const { hmac } = hmacResponseSchema.parse(mac.json);
      const ok = verifyHmacResponseSchema.parse((await post('verify-hmac', { input, hmac })).json);
      expect(ok.valid).toBe(true);
    }
  } else {
    const keys = publicKeyResponseSchema.parse(
      (await cli.request('GET', `${path}/public-key`, undefined, scope)).json,
    ).keys;
    expect(Object.keys(keys).sort()).toEqual([...versions].sort());
    for (const keyVersion of versions) {
      const signed = await post('sign', { input, keyVersion });
      expect(signed.status, `${key.identity} v${keyVersion} sign`).toBe(200);
      const { signature } = signResponseSchema.parse(signed.json);
      expect(signature.startsWith(`thalassa:v${keyVersion}:`)).toBe(true);
      const ok = verifyResponseSchema.parse((await post('verify', { input, signature })).json);
      expect(ok.valid).toBe(true);
    }
  }
}

/** Runs `fn` over items, at most `limit` at a time. */
async function inPool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  const lanes = Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      if (item !== undefined) await fn(item);
    }
  });
  await Promise.all(lanes);
}

describe('kill -9 with concurrent clients creating and rotating keys', () => {
  it('keeps every acknowledged create and rotation, and nothing half-made', async () => {
    const first = await startCli(dataDir);
    const record: WriteLog = {
      acknowledged: new Map(),
      rotations: new Map(),
      conflicts: new Set(),
      attempted: new Set(),
    };
    const creates: { key: Key; scope: Scope }[] = [];
    let sent = 0;
    let acks = 0;
    let inFlight = 0;
    let killed = false;
    let createsInFlight = 0;
    const failures: unknown[] = [];

    const client = async (c: number) => {
      const scope = scopeOf(c);
      while (!killed && sent < MAX_REQUESTS) {
        const i = sent;
        sent += 1;
        // Every third write rotates an earlier key of the scope (often one another client made,
        // often one another client is rotating too).
        const mine = creates.filter((k) => scopeName(k.scope) === scopeName(scope));
        const target = i % 3 === 2 && mine.length > 0 ? mine[(i * 7) % mine.length] : undefined;
        inFlight += 1;
        try {
          if (target) {
            const res = await first.request(
              'POST',
              `/v1/kms/${REGION}/keys/${target.key.identity}/rotate`,
              undefined,
              scope,
            );
            expect(res.status, JSON.stringify(res.json)).toBe(200);
            const rotated = keySchema.parse(res.json);
            wholeVersions(rotated);
            const seen = record.rotations.get(rotated.identity) ?? [];
            seen.push(rotated.latestVersion);
            record.rotations.set(rotated.identity, seen);
            acks += 1;
          } else {
            const body = createRequest(i, c);
            record.attempted.add(`${scopeName(scope)}/${body.name}`);
            createsInFlight += 1;
            try {
              const res = await first.request('POST', `/v1/kms/${REGION}/keys`, body, scope);
              if (res.status === 409) {
                record.conflicts.add(`${scopeName(scope)}/${body.name}`);
                continue;
              }
              expect(res.status, JSON.stringify(res.json)).toBe(201);
              const key = keySchema.parse(res.json);
              record.acknowledged.set(key.identity, key);
              creates.push({ key, scope });
              acks += 1;
            } finally {
              createsInFlight -= 1;
            }
          }
        } catch (error) {
          // A request cut by the kill has no answer: it is not acknowledged, and that is all.
          if (killed) return;
          failures.push(error);
          return;
        } finally {
          inFlight -= 1;
        }
      }
    };

    const clients = Array.from({ length: CLIENTS }, (_, c) => client(c));
    while (acks < KILL_AFTER_ACKS && sent < MAX_REQUESTS && failures.length === 0) {
      await new Promise((r) => setTimeout(r, 2));
    }
    killed = true;
    const inFlightAtKill = inFlight;
    const createsInFlightAtKill = createsInFlight;
    const killing = first.kill9();
    await Promise.allSettled(clients);
    await killing;
    if (failures.length > 0) throw failures[0];
    // Precondition: the kill came mid-stream, with writes acknowledged and others in flight.
    expect(acks).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(inFlightAtKill).toBeGreaterThan(0);
    expect(record.rotations.size).toBeGreaterThan(0);
    expect(record.conflicts.size).toBeGreaterThan(0);

    const second = await startCli(dataDir);
    const scopes: Scope[] = [{}, { project: 'proj-web' }];
    const found = new Map<string, { key: Key; scope: Scope }>();
    for (const scope of scopes) {
      const listRes = await second.request('GET', `/v1/kms/${REGION}/keys`, undefined, scope);
      expect(listRes.status).toBe(200);
      const listed = keyListSchema.parse(listRes.json);
      // Slugs are unique in the scope, and every listed key was asked for by some client.
      const slugs = listed.map((k) => k.slug);
      expect(new Set(slugs).size, `${scopeName(scope)} slugs`).toBe(slugs.length);
      for (const key of listed) {
        expect(record.attempted.has(`${scopeName(scope)}/${key.name}`), key.name).toBe(true);
        expect(key.projectId).toBe(scope.project);
        found.set(key.identity, { key, scope });
      }
      // The summary counts what the list shows.
      const summary = summarySchema.parse(
        (await second.request('GET', '/v1/kms/summary', undefined, scope)).json,
      );
      expect(summary.regions.find((r) => r.slug === REGION)?.totalKeys).toBe(listed.length);
      // Every listed key is gettable, by identity and by slug.
      for (const key of listed) {
        const byId = await second.request(
          'GET',
          `/v1/kms/${REGION}/keys/${key.identity}`,
          undefined,
          scope,
        );
        expect(byId.status).toBe(200);
        expect(keySchema.parse(byId.json)).toEqual(key);
        const bySlug = await second.request(
          'GET',
          `/v1/kms/${REGION}/keys/${key.slug}`,
          undefined,
          scope,
        );
        expect(keySchema.parse(bySlug.json).identity).toBe(key.identity);
      }
    }
    // Unacknowledged creates may or may not have landed, but no more than were in flight.
    expect(found.size).toBeGreaterThanOrEqual(record.acknowledged.size);
    expect(found.size).toBeLessThanOrEqual(record.acknowledged.size + createsInFlightAtKill);

    // Every acknowledged create is there with the fields it was acknowledged with.
    for (const [identity, acked] of record.acknowledged) {
      const now = found.get(identity)?.key;
      expect(now, `acknowledged ${identity} (${acked.name}) is missing`).toBeDefined();
      if (!now) continue;
      const { latestVersion, versions, updatedAt, objectVersion, ...fixed } = acked;
      expect(now).toMatchObject(fixed);
      expect(now.latestVersion).toBeGreaterThanOrEqual(latestVersion);
      expect(now.objectVersion).toBeGreaterThanOrEqual(objectVersion);
      expect(now.updatedAt >= updatedAt).toBe(true);
      expect(now.versions[0]).toEqual(versions[0]);
    }
    // A name refused with 409 exists exactly once (the winner of the race).
    for (const refused of record.conflicts) {
      const holders = [...found.values()].filter(
        ({ key, scope }) => `${scopeName(scope)}/${key.name}` === refused,
      );
      expect(holders, refused).toHaveLength(1);
      expect(holders[0]?.key.slug).toBe(slugify(holders[0]?.key.name ?? ''));
    }
    // Every acknowledged rotation is there: concurrent rotations of one key got distinct
    // versions, and the key has at least the highest one acknowledged.
    for (const [identity, seen] of record.rotations) {
      expect(new Set(seen).size, `${identity} rotations ${seen.join(',')}`).toBe(seen.length);
      const now = found.get(identity)?.key;
      expect(now?.latestVersion).toBeGreaterThanOrEqual(Math.max(...seen));
    }
    // Nothing half-made: every key (acknowledged or not) has all its versions, and each works.
    const all = [...found.values()];
    for (const { key } of all) wholeVersions(key);
    await inPool(all, 4, ({ key, scope }) => exerciseEveryVersion(second, key, scope));

    // The restarted store takes writes again.
    const after = await second.request('POST', `/v1/kms/${REGION}/keys`, {
      name: 'after the crash',
      labels: { batch: BATCH },
    });
    expect(after.status).toBe(201);
    const afterKey = keySchema.parse(after.json);
    const rotatedAfter = await second.request(
      'POST',
      `/v1/kms/${REGION}/keys/${afterKey.identity}/rotate`,
    );
    expect(keySchema.parse(rotatedAfter.json).latestVersion).toBe(2);
    await second.stop();
  }, 90_000);
});
