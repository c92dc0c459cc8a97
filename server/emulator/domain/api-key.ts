import { isVersionUsable } from '../../../src/contract/index';
import type { Key } from '../../../src/contract/index';
import type { EmulatorConfig } from '../config';
import type { KeyRecord, VersionRecord } from '../store/store';

/** Versions at or above minDecryptionVersion are active, older ones retired. */
export function versionStatus(key: KeyRecord, version: number): string {
  return isVersionUsable(key, version) ? 'active' : 'retired';
}

function orgRef(config: EmulatorConfig, identity: string) {
  const org = config.organisations.find((o) => o.identity === identity);
  return org ? { identity: org.identity, name: org.name, slug: org.slug } : undefined;
}

/** The Key object of the API (docs/emulator.md, "The Key object"). */
export function toApiKey(
  config: EmulatorConfig,
  key: KeyRecord,
  versions: readonly VersionRecord[],
): Key {
  const organisation = orgRef(config, key.org);
  return {
    identity: key.identity,
    name: key.name,
    slug: key.slug,
    ...(key.description !== null ? { description: key.description } : {}),
    labels: key.labels,
    annotations: key.annotations,
    ...(key.project !== '' ? { projectId: key.project } : {}),
    keyType: key.keyType,
    status: key.status,
    exportAllowed: key.exportAllowed,
    imported: key.imported,
    keyRotationEnabled: key.rotationEnabled,
    ...(key.rotationPeriodDays !== null ? { rotationPeriodInDays: key.rotationPeriodDays } : {}),
    ...(key.imported ? { allowRotation: key.allowRotation } : {}),
    latestVersion: key.latestVersion,
    minDecryptionVersion: key.minDecryptionVersion,
    versions: versions.map((v) => ({
      version: v.version,
      status: versionStatus(key, v.version),
      createdAt: v.createdAt,
    })),
    ...(key.status === 'pending_deletion' && key.deletionScheduledAt !== null
      ? { deletionScheduledAt: key.deletionScheduledAt }
      : {}),
    createdAt: key.createdAt,
    updatedAt: key.updatedAt,
    objectVersion: key.objectVersion,
    ...(organisation ? { organisation } : {}),
  };
}
