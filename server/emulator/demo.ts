import { KEY_TYPE_INFO, purgeDateFrom, slugify } from '../../src/contract/index';
import type { AuditAction } from '../../src/contract/index';
import { apiActor, auditInput, SCHEDULER_ACTOR } from './audit';
import type { AuditInput } from './audit';
import type { Clock } from './clock';
import { DAY_MS } from './clock';
import type { EmulatorConfig, OrganisationConfig, RegionConfig } from './config';
import {
  generateKeyMaterial,
  unwrapImportedMaterial,
  wrapMaterialForImport,
  assertMaterialFits,
} from './crypto/index';
import { DEMO_KEYS } from './demo-keys';
import type { DemoKey } from './demo-keys';
import { newKey, placeOf, versionFromMaterial } from './domain/key-factory';
import type { KeyService } from './domain/key-service';
import type { KeyRecord, NewVersion, Scope, Store } from './store/store';

/** `--demo`: a realistic set of keys (demo-keys.ts), seeded once per data folder. */
const DEMO_FLAG = 'demo_seeded_at';
const DEMO_CLIENT = 'demo-seed';
const USAGE_EVERY_MS = 3 * 60 * 60 * 1000;

/** Where a demo key goes. */
interface DemoPlace {
  scope: Scope;
  region: string;
}

interface DemoItem {
  spec: DemoKey;
  key: KeyRecord;
  versions: NewVersion[];
}

const createdAt = (spec: DemoKey, now: Date) => new Date(now.getTime() - spec.ageDays * DAY_MS);

/** The versions of a demo key, evenly spread from creation to ten days ago (none due at once). */
async function demoVersions(
  spec: DemoKey,
  region: string,
  created: Date,
  service: KeyService,
): Promise<NewVersion[]> {
  const span = Math.max(0, spec.ageDays - 10) * DAY_MS;
  const versions: NewVersion[] = [];
  for (let i = 0; i < spec.versions; i++) {
    const at = new Date(
      created.getTime() + (spec.versions > 1 ? (span * i) / (spec.versions - 1) : 0),
    );
    let material = await generateKeyMaterial(spec.keyType);
    if (spec.imported) {
      // The real BYOK path: wrap with the region's wrapping key, then unwrap and check it.
      const wrapping = await service.wrappingKey(region);
      const wrapped = wrapMaterialForImport(wrapping.publicKeyPem, material, 'sha256');
      material = unwrapImportedMaterial(wrapping.privateKeyPem, wrapped, 'sha256');
      assertMaterialFits(spec.keyType, material);
    }
    versions.push(versionFromMaterial(spec.keyType, material, at));
  }
  return versions;
}

/** The key record of a demo key, its dates and status as if it had lived that long. */
function demoKey(
  spec: DemoKey,
  place: DemoPlace,
  versions: readonly NewVersion[],
  now: Date,
): KeyRecord {
  const created = createdAt(spec, now);
  const latestAt = versions[versions.length - 1]?.createdAt ?? created.toISOString();
  const status = spec.status ?? 'active';
  const deletedAt =
    spec.deletedDaysAgo !== undefined ? now.getTime() - spec.deletedDaysAgo * DAY_MS : null;
  return newKey({
    ...placeOf(place),
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
}

/** The action a demo key's recent use is recorded as. */
function usageAction(key: KeyRecord): AuditAction {
  const family = KEY_TYPE_INFO[key.keyType].family;
  if (family === 'hmac') return 'kms.hmac';
  return family === 'symmetric' ? 'kms.encrypt' : 'kms.sign';
}

/** A demo key's history: its creation, its scheduled rotations, its recent use. */
function demoAudit({ spec, key, versions }: DemoItem, now: Date): AuditInput[] {
  const scope = { org: key.org, project: key.project };
  const ctx = { scope, region: key.region, actor: apiActor(DEMO_CLIENT) };
  const scheduled = { scope, region: key.region, actor: SCHEDULER_ACTOR };
  const records = [
    auditInput(ctx, {
      action: 'kms.create',
      key,
      status: 201,
      time: new Date(key.createdAt),
      keyVersion: 1,
    }),
  ];
  versions.slice(1).forEach((v, i) =>
    records.push(
      auditInput(scheduled, {
        action: 'kms.rotate.scheduled',
        key,
        status: 200,
        time: new Date(v.createdAt),
        keyVersion: i + 2,
      }),
    ),
  );
  for (let i = 0; i < (spec.usage ?? 0); i++) {
    const time = new Date(now.getTime() - (i + 1) * USAGE_EVERY_MS);
    const action = usageAction(key);
    records.push(
      auditInput(ctx, { action, key, status: 200, time, keyVersion: key.latestVersion }),
    );
  }
  return records;
}

/** Where a demo key goes; undefined to leave it out (no such project, or its slug is taken). */
function demoPlace(
  spec: DemoKey,
  org: OrganisationConfig,
  regions: readonly RegionConfig[],
  store: Store,
): DemoPlace | undefined {
  const region = regions[spec.regionIndex] ?? regions[0];
  if (!region) return undefined;
  const project = spec.projectIndex !== undefined ? org.projects[spec.projectIndex] : undefined;
  if (spec.projectIndex !== undefined && !project) return undefined;
  const scope = { org: org.identity, project: project?.identity ?? '' };
  if (store.slugTaken(scope, region.identity, slugify(spec.name))) return undefined;
  return { scope, region: region.identity };
}

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
  const items: DemoItem[] = [];
  for (const spec of DEMO_KEYS) {
    const place = demoPlace(spec, org, regions, store);
    if (!place) continue;
    const versions = await demoVersions(spec, place.region, createdAt(spec, now), service);
    items.push({ spec, key: demoKey(spec, place, versions, now), versions });
  }
  store.transaction(() => {
    store.insertKeys(items);
    for (const item of items) {
      for (const record of demoAudit(item, now)) store.audit.insert(record);
    }
    store.setMeta(DEMO_FLAG, now.toISOString());
  });
  return items.length;
}
