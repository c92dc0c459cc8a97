import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { auditLogSchema } from '../../../src/contract/index';
import { seedAuditEvent, syntheticSeedTargets } from '../audit-seed';
import type { AuditFilter } from './audit-store';
import { MIGRATIONS, openStore, SCHEMA_VERSION } from './store';
import type { Store } from './store';
import { tempDataDir } from '../test-support';

const dirs: string[] = [];
const stores: Store[] = [];
function newDir(): string {
  const dir = tempDataDir();
  dirs.push(dir);
  return dir;
}
function open(dir: string): Store {
  const store = openStore(dir);
  stores.push(store);
  return store;
}
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('schema migration 2: audit_events to audit_log', () => {
  it('moves old records into the AuditLog shape, keeping their ids', () => {
    const dir = newDir();
    const db = new Database(join(dir, 'kms.sqlite'));
    db.exec(MIGRATIONS[0] ?? '');
    db.pragma('user_version = 1');
    db.prepare(
      `INSERT INTO keys (identity, org, region, project, slug, name, description, labels, annotations,
        key_type, status, export_allowed, imported, allow_rotation, rotation_enabled, rotation_period_days,
        latest_version, min_decryption_version, deletion_scheduled_at, created_at, updated_at, object_version)
       VALUES ('kms-old', 'org-local', 'nl-01', 'proj-web', 'old-key', 'Old key', NULL, '{}', '{}',
        'aes256-gcm96', 'active', 0, 0, 0, 1, 30, 2, 1, NULL, '2025-01-01T00:00:00.000Z',
        '2025-01-01T00:00:00.000Z', 2)`,
    ).run();
    const insert = db.prepare(
      `INSERT INTO audit_events (id, org, project, region, action, resource_type, resource_identity,
        key_version, outcome, status, time, client) VALUES (?, 'org-local', ?, 'nl-01', ?, 'kms_key', ?, ?, ?, ?, ?, ?)`,
    );
    insert.run(
      7,
      'proj-web',
      'kms.encrypt',
      'kms-old',
      '1',
      'success',
      200,
      '2025-01-02T00:00:00.000Z',
      'curl/8.0',
    );
    insert.run(
      8,
      'proj-web',
      'kms.rotate.scheduled',
      'kms-old',
      '2',
      'success',
      200,
      '2025-01-03T00:00:00.000Z',
      'scheduler',
    );
    insert.run(
      9,
      'proj-web',
      'kms.decrypt',
      'kms-old',
      null,
      'failure',
      400,
      '2025-01-04T00:00:00.000Z',
      'unknown',
    );
    insert.run(
      10,
      '',
      'kms.purge',
      'kms-gone',
      null,
      'success',
      200,
      '2025-01-05T00:00:00.000Z',
      'demo-seed',
    );
    db.close();

    const store = open(dir);
    const { items, total } = store.audit.list('org-local', {}, 1, 50);
    expect(total).toBe(4);
    for (const item of items) auditLogSchema.parse(item);
    expect(items).toEqual([
      {
        createdAt: '2025-01-05T00:00:00.000Z',
        eventID: 'evt-10',
        action: 'kms.purge',
        description: 'Purged key kms-gone at the end of its deletion window.',
        resourceType: 'kms_key',
        resourceIdentity: 'kms-gone',
        organizationIdentity: 'org-local',
        serviceAccountIdentity: 'system:scheduler',
        context: { region: 'nl-01', responseStatus: 200, outcome: 'success' },
      },
      {
        createdAt: '2025-01-04T00:00:00.000Z',
        eventID: 'evt-9',
        action: 'kms.decrypt',
        description: 'Could not decrypt with key "Old key" (old-key).',
        resourceType: 'kms_key',
        resourceIdentity: 'kms-old',
        organizationIdentity: 'org-local',
        userIdentity: 'local-token',
        context: {
          region: 'nl-01',
          projectIdentity: 'proj-web',
          responseStatus: 400,
          outcome: 'failure',
        },
      },
      expect.objectContaining({
        eventID: 'evt-8',
        serviceAccountIdentity: 'system:scheduler',
        description: 'Rotated key "Old key" (old-key) on schedule, version 2.',
      }),
      expect.objectContaining({
        eventID: 'evt-7',
        userIdentity: 'local-token',
        context: expect.objectContaining({ userAgent: 'curl/8.0', keyVersion: '1' }),
      }),
    ]);
    // searchText works on moved rows, and new records continue after the old ids.
    expect(store.audit.list('org-local', { searchText: 'OLD KEY' }, 1, 50).total).toBe(3);
    store.audit.insert(
      seedAuditEvent(0, 1, 'org-local', syntheticSeedTargets('nl-01'), new Date(), 1),
    );
    expect(store.audit.list('org-local', {}, 1, 1).items[0]?.eventID).toBe('evt-11');
    expect(SCHEMA_VERSION).toBe(2);
  });
});

describe('indexes: every filter reads an index, not the whole table', () => {
  it.each<[string, AuditFilter, string]>([
    ['no filter', {}, 'audit_log_by_time'],
    ['resourceIdentity', { resourceIdentity: 'kms-seed-01' }, 'audit_log_by_resource'],
    ['outcome', { outcome: 'failure' }, 'audit_log_by_outcome'],
    ['time range', { createdAfter: '2026-01-01T00:00:00.000Z' }, 'audit_log_by_time'],
    ['region and status', { region: 'nl-01', responseStatus: 400 }, 'audit_log_by_time'],
    ['actions', { actions: ['kms.encrypt', 'kms.sign'] }, 'audit_log_by_'],
    ['callers', { userIdentity: 'local-token', serviceAccount: 'x' }, 'audit_log_by_time'],
  ])('%s', (_, filter, index) => {
    const store = open(newDir());
    const targets = syntheticSeedTargets('nl-01');
    const now = new Date('2026-01-02T00:00:00.000Z');
    store.audit.insertMany(
      Array.from({ length: 2000 }, (_, i) =>
        seedAuditEvent(i, 2000, 'org-local', targets, now, 72),
      ),
    );
    const { count, page } = store.audit.explain('org-local', filter);
    // The page reads the index named; the count may take any (smaller) covering one.
    expect(page.join('\n')).toContain(`INDEX ${index}`);
    expect(count.join('\n')).toMatch(/INDEX audit_log_by_/);
    for (const plan of [count, page])
      expect(plan.join('\n')).not.toMatch(/SCAN audit_log(?! USING)/);
    // The page comes in index order (no sort of the matching rows), except for a list of actions.
    if (filter.actions === undefined) expect(page.join('\n')).not.toContain('TEMP B-TREE');
    // Counting by the small columns reads the index alone.
    if (filter.region !== undefined || filter.userIdentity !== undefined) {
      expect(count.join('\n')).toContain('COVERING INDEX');
    }
  });
});
