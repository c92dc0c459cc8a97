import { randomBytes } from 'node:crypto';
import {
  DEFAULT_KEY_TYPE,
  isAsymmetricKeyType,
  isHmacKeyType,
  slugify,
} from '../../src/contract/index';
import type { CreateKeyRequest, Key, KeyType } from '../../src/contract/index';
import { auditInput, SCHEDULER_ACTOR } from './audit';
import type { AuditContext } from './audit';
import type { Clock } from './clock';
import { addDays } from './clock';
import type { EmulatorConfig } from './config';
import {
  assertMaterialFits,
  generateKeyMaterial,
  generateWrappingKeyPair,
  publicKeyOf,
  unwrapImportedMaterial,
} from './crypto/index';
import { badRequest, HttpError } from './errors';
import { DuplicateSlugError } from './store/store';
import type { KeyRecord, NewVersion, Store, VersionRecord } from './store/store';

/** Fixed waiting period between delete and purge (docs/emulator.md, "Deletion"). */
export const DELETION_WINDOW_DAYS = 30;

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

/** Versions at or above minDecryptionVersion are active, older ones retired (section 6). */
export function versionStatus(key: KeyRecord, version: number): string {
  return version >= key.minDecryptionVersion ? 'active' : 'retired';
}

export function assertCanRotate(key: KeyRecord): void {
  if (key.status !== 'active') {
    throw badRequest(`Only active keys can be rotated; this key is ${key.status}`);
  }
  if (key.imported && !key.allowRotation) {
    throw badRequest(
      'This imported key was created without allowRotation, so it cannot be rotated',
    );
  }
}

export type KeyService = ReturnType<typeof createKeyService>;

export function createKeyService(deps: { store: Store; clock: Clock; config: EmulatorConfig }) {
  const { store, clock, config } = deps;
  const wrappingInFlight = new Map<
    string,
    Promise<{ publicKeyPem: string; privateKeyPem: string }>
  >();

  async function newVersion(keyType: KeyType): Promise<NewVersion> {
    const material = await generateKeyMaterial(keyType);
    return versionFromMaterial(keyType, material, clock.now());
  }

  function versionFromMaterial(keyType: KeyType, material: Buffer, createdAt: Date): NewVersion {
    return {
      createdAt: createdAt.toISOString(),
      material,
      publicKey: isAsymmetricKeyType(keyType) ? publicKeyOf(keyType, material) : null,
    };
  }

  /** The region's BYOK wrapping key, generated (RSA-4096, slow) and persisted on first use. */
  function wrappingKey(region: string): Promise<{ publicKeyPem: string; privateKeyPem: string }> {
    const stored = store.getWrappingKey(region);
    if (stored) return Promise.resolve(stored);
    let pending = wrappingInFlight.get(region);
    if (!pending) {
      pending = generateWrappingKeyPair()
        .then((pair) => {
          store.putWrappingKey(region, pair, clock.now().toISOString());
          const saved = store.getWrappingKey(region);
          if (!saved) throw new Error('wrapping key was not stored');
          return saved;
        })
        .finally(() => wrappingInFlight.delete(region));
      wrappingInFlight.set(region, pending);
    }
    return pending;
  }

  function unwrapImport(
    region: string,
    keyType: KeyType,
    req: CreateKeyRequest,
    wrappedB64: string,
  ): Buffer {
    const wrapping = store.getWrappingKey(region);
    if (!wrapping) {
      throw badRequest(
        `importKeyMaterial: region ${region} has no wrapping key yet; fetch it from /v1/kms/${region}/wrapping-key and wrap the material with it`,
      );
    }
    const material = unwrapImportedMaterial(
      wrapping.privateKeyPem,
      Buffer.from(wrappedB64, 'base64'),
      req.hashFunction ?? 'sha256',
    );
    assertMaterialFits(keyType, material);
    return material;
  }

  async function createKey(
    ctx: AuditContext & { region: string },
    req: CreateKeyRequest,
  ): Promise<KeyRecord> {
    const keyType = req.keyType ?? DEFAULT_KEY_TYPE;
    const slug = slugify(req.name);
    const imported = req.importKeyMaterial !== undefined;
    if (imported && isHmacKeyType(keyType))
      throw badRequest('importKeyMaterial: HMAC keys cannot be imported');
    if (imported && req.keyRotationEnabled === true && req.allowRotation !== true) {
      throw badRequest(
        'keyRotationEnabled: an imported key can rotate only when allowRotation is true',
      );
    }
    const conflict = () =>
      new HttpError(409, `A key with slug "${slug}" already exists in this scope and region`);
    if (store.slugTaken(ctx.scope, ctx.region, slug)) throw conflict();

    const first =
      req.importKeyMaterial !== undefined
        ? versionFromMaterial(
            keyType,
            unwrapImport(ctx.region, keyType, req, req.importKeyMaterial),
            clock.now(),
          )
        : await newVersion(keyType);

    const now = clock.now();
    first.createdAt = now.toISOString();
    const key: KeyRecord = {
      identity: newKeyIdentity(),
      org: ctx.scope.org,
      region: ctx.region,
      project: ctx.scope.project,
      slug,
      name: req.name,
      description: req.description ?? null,
      labels: req.labels ?? {},
      annotations: req.annotations ?? {},
      keyType,
      status: 'active',
      exportAllowed: req.exportAllowed ?? false,
      imported,
      allowRotation: imported ? (req.allowRotation ?? false) : false,
      rotationEnabled: req.keyRotationEnabled ?? false,
      rotationPeriodDays: req.rotationPeriodInDays ?? null,
      latestVersion: 1,
      minDecryptionVersion: 1,
      deletionScheduledAt: null,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      objectVersion: 1,
    };
    try {
      store.insertKey(
        key,
        [first],
        auditInput(ctx, { action: 'kms.create', key, status: 201, time: now, keyVersion: 1 }),
      );
    } catch (error) {
      if (error instanceof DuplicateSlugError) throw conflict();
      throw error;
    }
    return key;
  }

  /** Adds version latestVersion+1 (manual rotate, or the scheduler's). */
  async function rotate(
    key: KeyRecord,
    ctx: AuditContext,
    action: 'kms.rotate' | 'kms.rotate.scheduled',
  ): Promise<KeyRecord> {
    assertCanRotate(key);
    const version = await newVersion(key.keyType);
    const now = clock.now();
    version.createdAt = now.toISOString();
    return store.addVersions(key.identity, assertCanRotate, [version], now.toISOString(), (next) =>
      auditInput(ctx, { action, key, status: 200, time: now, keyVersion: next.latestVersion }),
    );
  }

  function schedulerContext(key: KeyRecord): AuditContext {
    return {
      scope: { org: key.org, project: key.project },
      region: key.region,
      actor: SCHEDULER_ACTOR,
    };
  }

  function deletionDate(now: Date): string {
    return addDays(now, DELETION_WINDOW_DAYS).toISOString();
  }

  function orgRef(identity: string) {
    const org = config.organisations.find((o) => o.identity === identity);
    return org ? { identity: org.identity, name: org.name, slug: org.slug } : undefined;
  }

  /** The Key object of the API (docs/emulator.md, "The Key object"). */
  function toApiKey(key: KeyRecord, versions: readonly VersionRecord[]): Key {
    const organisation = orgRef(key.org);
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

  return {
    newVersion,
    versionFromMaterial,
    wrappingKey,
    createKey,
    rotate,
    schedulerContext,
    deletionDate,
    toApiKey,
    apiKey(key: KeyRecord): Key {
      return toApiKey(key, store.versionsOf(key.identity));
    },
  };
}
