import { randomBytes } from 'node:crypto';
import { isAsymmetricKeyType, slugify } from '../../../src/contract/index';
import type { KeyType } from '../../../src/contract/index';
import { publicKeyOf } from '../crypto/index';
import type { KeyRecord, NewVersion, Scope } from '../store/store';

const IDENTITY_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** `kms-` + 20 random lowercase letters and digits. */
export function newKeyIdentity(): string {
  let out = 'kms-';
  while (out.length < 24) {
    // Bytes >= 252 are skipped so that every character is equally likely (252 = 7 * 36).
    for (const byte of randomBytes(24)) {
      if (byte < 252 && out.length < 24) out += IDENTITY_ALPHABET[byte % IDENTITY_ALPHABET.length];
    }
  }
  return out;
}

/** What a new key must be told; everything else has the default of a fresh key. */
export type KeyInit = Pick<KeyRecord, 'org' | 'region' | 'project' | 'name' | 'keyType'> & {
  createdAt: string;
} & Partial<Omit<KeyRecord, 'identity' | 'slug'>>;

/** The fields that place a key: its organisation, region and project. */
export function placeOf(where: {
  scope: Scope;
  region: string;
}): Pick<KeyRecord, 'org' | 'region' | 'project'> {
  return { org: where.scope.org, region: where.region, project: where.scope.project };
}

/**
 * A key record: a new identity, the slug of its name, active, version 1, no rotation, no
 * export, not imported, unless `init` says otherwise.
 */
export function newKey(init: KeyInit): KeyRecord {
  return {
    identity: newKeyIdentity(),
    slug: slugify(init.name),
    description: null,
    labels: {},
    annotations: {},
    status: 'active',
    exportAllowed: false,
    imported: false,
    allowRotation: false,
    rotationEnabled: false,
    rotationPeriodDays: null,
    latestVersion: 1,
    minDecryptionVersion: 1,
    deletionScheduledAt: null,
    updatedAt: init.createdAt,
    objectVersion: 1,
    ...init,
  };
}

/** A version to store: the material and, for asymmetric types, its public key. */
export function versionFromMaterial(
  keyType: KeyType,
  material: Buffer,
  createdAt: Date,
): NewVersion {
  return {
    createdAt: createdAt.toISOString(),
    material,
    publicKey: isAsymmetricKeyType(keyType) ? publicKeyOf(keyType, material) : null,
  };
}
