import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator } from '../index';
import { SCHEMA_VERSION } from './store';
import {
  b64,
  expectError,
  expectOk,
  startTestEmulator,
  tempDataDir,
  TEST_TOKEN,
} from '../test-support';

const dirs: string[] = [];
function newDir(): string {
  const dir = tempDataDir();
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('durable storage', () => {
  it('a restart keeps keys, versions, state and decryptability', async () => {
    const dataDir = newDir();
    const first = await startTestEmulator({ dataDir });
    const key = expectOk(
      'createKey',
      await first.endpoint(
        'createKey',
        { region: 'nl-01' },
        { body: { name: 'Survivor', labels: { a: 'b' } } },
      ),
    );
    const at = { region: 'nl-01', id: key.identity };
    const enc = expectOk(
      'encrypt',
      await first.endpoint('encrypt', at, { body: { plaintext: b64('persist me') } }),
    );
    expectOk('rotateKey', await first.endpoint('rotateKey', at));
    const before = expectOk('disableKey', await first.endpoint('disableKey', at));
    await first.close(false);

    const second = await startTestEmulator({ dataDir });
    try {
      const after = expectOk('getKey', await second.endpoint('getKey', at));
      expect(after).toEqual(before);
      expectOk('enableKey', await second.endpoint('enableKey', at));
      const dec = expectOk('decrypt', await second.endpoint('decrypt', at, { body: enc }));
      expect(Buffer.from(dec.plaintext, 'base64').toString()).toBe('persist me');
      expectError(
        await second.endpoint('createKey', { region: 'nl-01' }, { body: { name: 'survivor' } }),
        409,
      );
    } finally {
      await second.close(false);
    }
  });

  it('keeps secrets in 0600 files and never writes key material in the clear', async () => {
    const dataDir = newDir();
    const t = await startTestEmulator({ dataDir });
    const key = expectOk(
      'createKey',
      await t.endpoint(
        'createKey',
        { region: 'nl-01' },
        { body: { name: 'Sealed', exportAllowed: true } },
      ),
    );
    const ex = expectOk(
      'exportKey',
      await t.endpoint('exportKey', { region: 'nl-01', id: key.identity }, { body: {} }),
    );
    const material = Buffer.from(ex.keyMaterial, 'base64');
    expect(material).toHaveLength(32);
    await t.close(false);
    expect(statSync(join(dataDir, 'root.key')).mode & 0o777).toBe(0o600);
    expect(statSync(dataDir).mode & 0o077).toBe(0);
    for (const file of readdirSync(dataDir)) {
      const bytes = readFileSync(join(dataDir, file));
      expect(bytes.includes(material), `${file} holds the key material`).toBe(false);
      expect(
        bytes.includes(Buffer.from(ex.keyMaterial)),
        `${file} holds the material in base64`,
      ).toBe(false);
    }
  });

  it('migrates a new database to the current schema version and refuses a newer one', async () => {
    const dataDir = newDir();
    const t = await startTestEmulator({ dataDir });
    await t.close(false);
    const db = new Database(join(dataDir, 'kms.sqlite'));
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    await expect(startTestEmulator({ dataDir })).rejects.toThrow(/newer emulator/);
  });

  it('generates a token once into a 0600 file and reuses it; KMS_EMULATOR_TOKEN wins', async () => {
    const dataDir = newDir();
    const saved = process.env.KMS_EMULATOR_TOKEN;
    delete process.env.KMS_EMULATOR_TOKEN;
    try {
      const first = await createEmulator({ dataDir, scheduler: false });
      expect(first.tokenSource).toBe('generated');
      expect(first.token).toMatch(/^\S{20,}$/);
      expect(statSync(join(dataDir, 'token')).mode & 0o777).toBe(0o600);
      await first.close();
      const second = await createEmulator({ dataDir, scheduler: false });
      expect(second.tokenSource).toBe('file');
      expect(second.token).toBe(first.token);
      const ok = await second.app.request('/v1/kms/summary', {
        headers: {
          authorization: `Bearer ${first.token}`,
          'x-organisation-identity': second.organisation,
        },
      });
      expect(ok.status).toBe(200);
      await second.close();
      process.env.KMS_EMULATOR_TOKEN = 'from-the-environment';
      const third = await createEmulator({ dataDir, scheduler: false });
      expect(third).toMatchObject({
        tokenSource: 'env',
        token: 'from-the-environment',
        organisation: 'org-local',
      });
      await third.close();
    } finally {
      if (saved === undefined) delete process.env.KMS_EMULATOR_TOKEN;
      else process.env.KMS_EMULATOR_TOKEN = saved;
    }
  });
});

describe('config file', () => {
  it('replaces the default organisations, projects and regions', async () => {
    const dataDir = newDir();
    const configPath = join(dataDir, 'config.json');
    writeFileSync(
      configPath,
      JSON.stringify({
        organisations: [
          {
            identity: 'org-acme',
            slug: 'acme',
            name: 'Acme',
            projects: [{ identity: 'proj-x', slug: 'x', name: 'X' }],
          },
        ],
        regions: [
          { identity: 'reg-fr-01', slug: 'fr-01', name: 'France 01' },
          { identity: 'reg-fr-02', slug: 'fr-02', name: 'France 02', kmsAvailable: false },
        ],
      }),
    );
    const t = await startTestEmulator({ dataDir, configPath });
    try {
      expect(t.emulator.organisation).toBe('org-acme');
      expectError(await t.endpoint('summary', {}), 404);
      const s = expectOk('summary', await t.endpoint('summary', {}, { org: 'acme' }));
      expect(s.regions.map((r) => r.identity)).toEqual(['reg-fr-01', 'reg-fr-02']);
      const key = expectOk(
        'createKey',
        await t.endpoint(
          'createKey',
          { region: 'fr-01' },
          { org: 'acme', project: 'x', body: { name: 'k' } },
        ),
      );
      expect(key.projectId).toBe('proj-x');
      expectOk(
        'getKey',
        await t.endpoint(
          'getKey',
          { region: 'reg-fr-01', id: 'k' },
          { org: 'org-acme', project: 'proj-x' },
        ),
      );
      expectError(await t.endpoint('listKeys', { region: 'fr-02' }, { org: 'acme' }), 503);
      expectError(await t.endpoint('listKeys', { region: 'nl-01' }, { org: 'acme' }), 404);
    } finally {
      await t.close(false);
    }
  });

  it('rejects an invalid config, naming the field', async () => {
    const dataDir = newDir();
    const configPath = join(dataDir, 'config.json');
    writeFileSync(
      configPath,
      JSON.stringify({ organisations: [{ identity: 'o', slug: 'o' }], regions: [] }),
    );
    await expect(createEmulator({ dataDir, configPath, token: TEST_TOKEN })).rejects.toThrow(
      /organisations\.0\.name/,
    );
    writeFileSync(configPath, '{ not json');
    await expect(createEmulator({ dataDir, configPath, token: TEST_TOKEN })).rejects.toThrow(
      /Cannot read config/,
    );
  });
});
