import { purgeDateFrom, slugify } from '../../src/contract/index';
import type { KeyStatus, KeyType } from '../../src/contract/index';
import { apiActor, auditInput, SCHEDULER_ACTOR } from './audit';
import type { Clock } from './clock';
import { DAY_MS } from './clock';
import type { EmulatorConfig } from './config';
import {
  generateKeyMaterial,
  unwrapImportedMaterial,
  wrapMaterialForImport,
  assertMaterialFits,
} from './crypto/index';
import { newKey, versionFromMaterial } from './domain/key-factory';
import type { KeyService } from './domain/key-service';
import type { KeyRecord, NewVersion, Store } from './store/store';

/** `--demo`: a realistic set of keys, seeded once per data folder. */
const DEMO_FLAG = 'demo_seeded_at';
const DEMO_CLIENT = 'demo-seed';

interface DemoKey {
  regionIndex: 0 | 1;
  /** Index into the organisation's projects; undefined for an organisation-scoped key. */
  projectIndex?: number;
  name: string;
  keyType: KeyType;
  description?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  versions: number;
  ageDays: number;
  rotationPeriodDays?: number;
  rotationEnabled?: boolean;
  minDecryptionVersion?: number;
  status?: KeyStatus;
  /** Days ago the key was scheduled for deletion (pending_deletion only). */
  deletedDaysAgo?: number;
  exportAllowed?: boolean;
  imported?: boolean;
  allowRotation?: boolean;
  usage?: number;
}

export const DEMO_KEYS: readonly DemoKey[] = [
  {
    regionIndex: 0,
    name: 'Payments database',
    keyType: 'aes256-gcm96',
    description: 'Envelope key for the payments PostgreSQL cluster',
    labels: { team: 'payments', env: 'production' },
    annotations: {
      'thalassa.cloud/owner': 'payments@example.com',
      runbook: 'https://wiki.example.com/kms/payments',
    },
    versions: 4,
    ageDays: 400,
    rotationEnabled: true,
    rotationPeriodDays: 90,
    usage: 6,
  },
  {
    regionIndex: 0,
    name: 'Customer PII archive',
    keyType: 'aes256-gcm96',
    description: 'Rotated monthly; versions before 30 were retired after re-encryption',
    labels: { team: 'data', env: 'production', compliance: 'gdpr' },
    annotations: { 'example.com/reencrypted-at': '2026-06-01' },
    versions: 40,
    ageDays: 1200,
    rotationEnabled: true,
    rotationPeriodDays: 30,
    minDecryptionVersion: 30,
    usage: 3,
  },
  {
    regionIndex: 0,
    name: 'Release signing',
    keyType: 'ecdsa-p256',
    description: 'Signs release artefacts and container images',
    labels: { team: 'platform', env: 'production' },
    versions: 2,
    ageDays: 300,
    usage: 2,
  },
  {
    regionIndex: 0,
    name: 'Webhook HMAC',
    keyType: 'hmac-sha256',
    labels: { team: 'integrations', env: 'production' },
    versions: 1,
    ageDays: 120,
    usage: 4,
  },
  {
    regionIndex: 0,
    name: 'Legacy backup key',
    keyType: 'aes128-gcm96',
    description: 'Kept for restoring backups taken before 2025',
    labels: { team: 'ops', env: 'legacy' },
    versions: 1,
    ageDays: 900,
    status: 'disabled',
  },
  {
    regionIndex: 0,
    name: 'Old reporting key',
    keyType: 'chacha20-poly1305',
    labels: { team: 'data', env: 'staging' },
    versions: 2,
    ageDays: 500,
    status: 'pending_deletion',
    deletedDaysAgo: 10,
  },
  {
    regionIndex: 0,
    name: 'Imported HSM key',
    keyType: 'aes256-gcm96',
    description: 'Material generated in the on-premises HSM and imported with BYOK',
    labels: { team: 'security', source: 'byok' },
    annotations: { 'example.com/hsm-label': 'prod-hsm-01/kek-7' },
    versions: 1,
    ageDays: 60,
    imported: true,
    allowRotation: false,
  },
  {
    regionIndex: 0,
    name: 'Data export key',
    keyType: 'aes256-gcm96',
    description: 'Exportable: shared with the offline analytics enclave',
    labels: { team: 'data', env: 'production' },
    versions: 1,
    ageDays: 30,
    exportAllowed: true,
  },
  {
    regionIndex: 0,
    projectIndex: 0,
    name: 'Web session tokens',
    keyType: 'ed25519',
    description: 'Signs session JWTs for the web front end',
    labels: { app: 'web', env: 'production' },
    versions: 3,
    ageDays: 200,
    rotationEnabled: true,
    rotationPeriodDays: 60,
    usage: 5,
  },
  {
    regionIndex: 0,
    projectIndex: 0,
    name: 'Web cookie encryption',
    keyType: 'chacha20-poly1305',
    labels: { app: 'web' },
    versions: 1,
    ageDays: 45,
  },
  {
    regionIndex: 1,
    name: 'DNSSEC zone key',
    keyType: 'rsa-2048',
    description: 'Zone-signing key for example.com',
    labels: { team: 'platform', service: 'dnssec' },
    versions: 1,
    ageDays: 150,
  },
  {
    regionIndex: 1,
    name: 'Backups nl-02',
    keyType: 'aes256-gcm96',
    labels: { team: 'ops', env: 'production' },
    versions: 2,
    ageDays: 500,
    rotationEnabled: true,
    rotationPeriodDays: 365,
  },
  {
    regionIndex: 1,
    projectIndex: 1,
    name: 'CI artefact signing',
    keyType: 'ecdsa-p384',
    labels: { app: 'ci' },
    versions: 1,
    ageDays: 20,
    usage: 1,
  },
];

/** Seeds the demo set unless this data folder already had it; returns the number of keys added. */
export async function seedDemo(deps: {
  store: Store;
  clock: Clock;
  config: EmulatorConfig;
  service: KeyService;
}): Promise<number> {
  const { store, clock, config, service } = deps;
  if (store.getMeta(DEMO_FLAG) !== undefined) return 0;
  const org = config.organisations.find((o) => o.kmsEnabled);
  const regions = config.regions.filter((r) => r.kmsAvailable);
  if (!org || regions.length === 0) return 0;

  const now = clock.now();
  const items: { key: KeyRecord; versions: NewVersion[] }[] = [];
  for (const spec of DEMO_KEYS) {
    const region = regions[spec.regionIndex] ?? regions[0];
    if (!region) continue;
    const project = spec.projectIndex !== undefined ? org.projects[spec.projectIndex] : undefined;
    if (spec.projectIndex !== undefined && !project) continue;
    const scope = { org: org.identity, project: project?.identity ?? '' };
    const slug = slugify(spec.name);
    if (store.slugTaken(scope, region.identity, slug)) continue;

    const created = new Date(now.getTime() - spec.ageDays * DAY_MS);
    // Versions evenly spread from creation to ten days ago, so none is due at once.
    const span = Math.max(0, spec.ageDays - 10) * DAY_MS;
    const versions: NewVersion[] = [];
    for (let i = 0; i < spec.versions; i++) {
      const at = new Date(
        created.getTime() + (spec.versions > 1 ? (span * i) / (spec.versions - 1) : 0),
      );
      let material = await generateKeyMaterial(spec.keyType);
      if (spec.imported) {
        // The real BYOK path: wrap with the region's wrapping key, then unwrap and check it.
        const wrapping = await service.wrappingKey(region.identity);
        const wrapped = wrapMaterialForImport(wrapping.publicKeyPem, material, 'sha256');
        material = unwrapImportedMaterial(wrapping.privateKeyPem, wrapped, 'sha256');
        assertMaterialFits(spec.keyType, material);
      }
      versions.push(versionFromMaterial(spec.keyType, material, at));
    }
    const latestAt = versions[versions.length - 1]?.createdAt ?? created.toISOString();
    const status = spec.status ?? 'active';
    const deletedAt =
      spec.deletedDaysAgo !== undefined ? now.getTime() - spec.deletedDaysAgo * DAY_MS : null;
    const key = newKey({
      org: org.identity,
      region: region.identity,
      project: scope.project,
      name: spec.name,
      description: spec.description ?? null,
      labels: spec.labels ?? {},
      annotations: spec.annotations ?? {},
      keyType: spec.keyType,
      status,
      exportAllowed: spec.exportAllowed ?? false,
      imported: spec.imported ?? false,
      allowRotation: spec.allowRotation ?? false,
      rotationEnabled: spec.rotationEnabled ?? false,
      rotationPeriodDays: spec.rotationPeriodDays ?? null,
      latestVersion: versions.length,
      minDecryptionVersion: spec.minDecryptionVersion ?? 1,
      deletionScheduledAt:
        status === 'pending_deletion' && deletedAt !== null
          ? purgeDateFrom(new Date(deletedAt)).toISOString()
          : null,
      createdAt: created.toISOString(),
      updatedAt: deletedAt !== null ? new Date(deletedAt).toISOString() : latestAt,
      objectVersion: versions.length + (status === 'active' ? 0 : 1),
    });
    items.push({ key, versions });
  }

  store.transaction(() => {
    store.insertKeys(items);
    for (const { key, versions } of items) {
      const scope = { org: key.org, project: key.project };
      const ctx = { scope, region: key.region, actor: apiActor(DEMO_CLIENT) };
      const scheduled = { scope, region: key.region, actor: SCHEDULER_ACTOR };
      store.audit.insert(
        auditInput(ctx, {
          action: 'kms.create',
          key,
          status: 201,
          time: new Date(key.createdAt),
          keyVersion: 1,
        }),
      );
      versions.slice(1).forEach((v, i) =>
        store.audit.insert(
          auditInput(scheduled, {
            action: 'kms.rotate.scheduled',
            key,
            status: 200,
            time: new Date(v.createdAt),
            keyVersion: i + 2,
          }),
        ),
      );
      const spec = DEMO_KEYS.find((d) => d.name === key.name);
      for (let i = 0; i < (spec?.usage ?? 0); i++) {
        const at = new Date(now.getTime() - (i + 1) * 3 * 60 * 60 * 1000);
        const action = key.keyType.startsWith('hmac')
          ? 'kms.hmac'
          : key.keyType.startsWith('aes')
            ? 'kms.encrypt'
            : 'kms.sign';
        store.audit.insert(
          auditInput(ctx, {
            action,
            key,
            status: 200,
            time: at,
            keyVersion: key.latestVersion,
          }),
        );
      }
    }
    store.setMeta(DEMO_FLAG, now.toISOString());
  });
  return items.length;
}
