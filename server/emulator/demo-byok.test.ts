import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WRAPPING_KEY_ALGORITHM } from '../../src/contract/index';
import type { Key } from '../../src/contract/index';
import { generateKeyMaterial, wrapMaterialForImport } from './crypto/index';
import { DEMO_KEYS } from './demo-keys';
import { b64, expectError, expectOk, startTestEmulator } from './test-support';
import type { TestEmulator } from './test-support';

// One emulator with --demo: the demo's imported key already generated nl-01's wrapping key.
let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator({ demo: true });
});
afterAll(async () => {
  await t.close();
});

async function allKeys(): Promise<Key[]> {
  const out: Key[] = [];
  for (const region of ['nl-01', 'nl-02']) {
    for (const project of [undefined, 'proj-web', 'proj-ci']) {
      const opts = project ? { project } : {};
      out.push(...expectOk('listKeys', await t.endpoint('listKeys', { region }, opts)));
    }
  }
  return out;
}

describe('--demo', () => {
  it('seeds the documented set once: both regions and scopes, every state, 40 versions', async () => {
    expect(t.emulator.demoKeysSeeded).toBe(DEMO_KEYS.length);
    const keys = await allKeys();
    expect(keys).toHaveLength(DEMO_KEYS.length);
    expect(keys.length).toBeGreaterThanOrEqual(12);
    expect(new Set(keys.map((k) => k.keyType)).size).toBeGreaterThanOrEqual(6);
    expect(keys.some((k) => k.projectId !== undefined)).toBe(true);
    expect(keys.some((k) => k.projectId === undefined)).toBe(true);
    expect(keys.filter((k) => k.status === 'disabled')).toHaveLength(1);
    const pending = keys.filter((k) => k.status === 'pending_deletion');
    expect(pending).toHaveLength(1);
    expect(pending[0]?.deletionScheduledAt).toBeDefined();
    expect(keys.filter((k) => k.imported)).toHaveLength(1);
    expect(keys.filter((k) => k.exportAllowed)).toHaveLength(1);
    expect(
      keys.some(
        (k) =>
          Object.keys(k.labels ?? {}).length > 0 && Object.keys(k.annotations ?? {}).length > 0,
      ),
    ).toBe(true);
    const archive = keys.find((k) => k.versions.length === 40);
    expect(archive?.minDecryptionVersion).toBeGreaterThan(1);
    expect(archive?.versions.filter((v) => v.status === 'retired')).toHaveLength(
      (archive?.minDecryptionVersion ?? 1) - 1,
    );

    // A second start with --demo on the same folder adds nothing.
    await t.close(false);
    t = await startTestEmulator({ dataDir: t.dataDir, demo: true });
    expect(t.emulator.demoKeysSeeded).toBe(0);
    expect(await allKeys()).toHaveLength(DEMO_KEYS.length);
  });

  it('refuses versions below minDecryptionVersion (400) and uses the ones above', async () => {
    const archive = (await allKeys()).find((k) => k.versions.length === 40);
    const id = archive?.identity ?? '';
    const min = archive?.minDecryptionVersion ?? 1;
    const at = { region: 'nl-01', id };
    expectError(
      await t.endpoint('encrypt', at, {
        body: { plaintext: b64('x'), keyVersion: String(min - 1) },
      }),
      400,
      'minDecryptionVersion',
    );
    const ok = expectOk(
      'encrypt',
      await t.endpoint('encrypt', at, { body: { plaintext: b64('x'), keyVersion: String(min) } }),
    );
    expect(ok.keyVersion).toBe(String(min));
    const old = `thalassa:v${min - 1}:${ok.ciphertext.split(':')[2] ?? ''}`;
    expectError(
      await t.endpoint('decrypt', at, { body: { ciphertext: old } }),
      400,
      'minDecryptionVersion',
    );
    expect(expectOk('decrypt', await t.endpoint('decrypt', at, { body: ok })).plaintext).toBe(
      b64('x'),
    );
  });

  it('an empty data folder without --demo starts empty', async () => {
    const empty = await startTestEmulator();
    try {
      const s = expectOk('summary', await empty.endpoint('summary', {}));
      expect(s.regions.every((r) => r.totalKeys === 0)).toBe(true);
    } finally {
      await empty.close();
    }
  });
});

describe('BYOK (row 19 and import)', () => {
  it('serves a persistent RSA-4096 wrapping key per region; region errors as usual', async () => {
    const first = expectOk('wrappingKey', await t.endpoint('wrappingKey', { region: 'nl-01' }));
    expect(first.algorithm).toBe(WRAPPING_KEY_ALGORITHM);
    expect(first.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const again = expectOk('wrappingKey', await t.endpoint('wrappingKey', { region: 'nl-01' }));
    expect(again.publicKey).toBe(first.publicKey);
    expectError(await t.endpoint('wrappingKey', { region: 'zz-01' }), 404);
    expectError(await t.endpoint('wrappingKey', { region: 'de-01' }), 503);
    expectError(await t.endpoint('wrappingKey', { region: 'nl-01' }, { org: 'org-nokms' }), 403);
    expectError(await t.endpoint('wrappingKey', { region: 'nl-01' }, { token: null }), 401);
  });

  it('imports wrapped material that then encrypts and exports as itself', async () => {
    const { publicKey } = expectOk(
      'wrappingKey',
      await t.endpoint('wrappingKey', { region: 'nl-01' }),
    );
    for (const hashFunction of ['sha256', 'sha1'] as const) {
      const material = randomBytes(32);
      const wrapped = wrapMaterialForImport(publicKey, material, hashFunction).toString('base64');
      const key = expectOk(
        'createKey',
        await t.endpoint(
          'createKey',
          { region: 'nl-01' },
          {
            body: {
              name: `Imported ${hashFunction}`,
              keyType: 'aes256-gcm96',
              importKeyMaterial: wrapped,
              hashFunction,
              exportAllowed: true,
            },
          },
        ),
      );
      expect(key).toMatchObject({ imported: true, allowRotation: false, latestVersion: 1 });
      const at = { region: 'nl-01', id: key.identity };
      const ex = expectOk('exportKey', await t.endpoint('exportKey', at, { body: {} }));
      expect(Buffer.from(ex.keyMaterial, 'base64')).toEqual(material);
      const enc = expectOk(
        'encrypt',
        await t.endpoint('encrypt', at, { body: { plaintext: b64('byok') } }),
      );
      expect(expectOk('decrypt', await t.endpoint('decrypt', at, { body: enc })).plaintext).toBe(
        b64('byok'),
      );
      expectError(await t.endpoint('rotateKey', at), 400, 'allowRotation');
      expectError(
        await t.endpoint('updateRotation', at, {
          body: { keyRotationEnabled: true, rotationPeriodInDays: 30 },
        }),
        400,
        'allowRotation',
      );
    }
    const ed = await generateKeyMaterial('ed25519');
    const rotatable = expectOk(
      'createKey',
      await t.endpoint(
        'createKey',
        { region: 'nl-01' },
        {
          body: {
            name: 'Imported ed',
            keyType: 'ed25519',
            importKeyMaterial: wrapMaterialForImport(publicKey, ed, 'sha512').toString('base64'),
            hashFunction: 'sha512',
            allowRotation: true,
          },
        },
      ),
    );
    expect(
      expectOk(
        'rotateKey',
        await t.endpoint('rotateKey', { region: 'nl-01', id: rotatable.identity }),
      ).latestVersion,
    ).toBe(2);
  });

  it('400 for material that does not unwrap or does not fit, HMAC imports, and regions without a wrapping key', async () => {
    const { publicKey } = expectOk(
      'wrappingKey',
      await t.endpoint('wrappingKey', { region: 'nl-01' }),
    );
    const create = (body: Record<string, unknown>, region = 'nl-01') =>
      t.endpoint('createKey', { region }, { body });
    expectError(
      await create({ name: 'junk', importKeyMaterial: randomBytes(600).toString('base64') }),
      400,
    );
    const short = wrapMaterialForImport(publicKey, randomBytes(16), 'sha256').toString('base64');
    expectError(
      await create({ name: 'misfit', keyType: 'aes256-gcm96', importKeyMaterial: short }),
      400,
    );
    const good = wrapMaterialForImport(publicKey, randomBytes(32), 'sha256').toString('base64');
    expectError(
      await create({ name: 'wrong hash', importKeyMaterial: good, hashFunction: 'sha384' }),
      400,
    );
    expectError(
      await create({ name: 'mac', keyType: 'hmac-sha256', importKeyMaterial: good }),
      400,
      'importKeyMaterial',
    );
    expectError(
      await create({
        name: 'rot',
        importKeyMaterial: good,
        keyRotationEnabled: true,
        rotationPeriodInDays: 7,
      }),
      400,
      'allowRotation',
    );
    // nl-02 never handed out a wrapping key in this folder.
    expectError(
      await create({ name: 'elsewhere', importKeyMaterial: good }, 'nl-02'),
      400,
      'wrapping',
    );
  });
});
