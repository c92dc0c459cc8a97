import { DEFAULT_KEY_TYPE, isHmacKeyType, slugify } from '../../../src/contract/index';
import type {
  AuditAction,
  CreateKeyRequest,
  Key,
  KeyType,
  UpdateRotationRequest,
} from '../../../src/contract/index';
import { auditInput, SCHEDULER_ACTOR } from '../audit';
import type { AuditContext } from '../audit';
import type { Clock } from '../clock';
import type { EmulatorConfig } from '../config';
import {
  assertMaterialFits,
  generateKeyMaterial,
  generateWrappingKeyPair,
  unwrapImportedMaterial,
} from '../crypto/index';
import { DuplicateSlugError } from '../store/store';
import type { KeyRecord, NewVersion, Store } from '../store/store';
import { toApiKey } from './api-key';
import { createCryptoOps } from './crypto-ops';
import { conflict, invalid } from './errors';
import { newKey, versionFromMaterial } from './key-factory';
import {
  assertCanRotate,
  isRotationNoop,
  rotationPatch,
  STATUS_CHANGE_ACTION,
  statusPatch,
} from './lifecycle';
import type { StatusChange } from './lifecycle';

export type KeyService = ReturnType<typeof createKeyService>;

type WrappingKeyPair = { publicKeyPem: string; privateKeyPem: string };

/**
 * The key operations of the emulator over the store: create (generated or imported), rotate,
 * status changes, rotation settings, the regions' wrapping keys and the crypto operations.
 * Every change is written with its audit record in one transaction. Refusals are DomainErrors.
 */
export function createKeyService(deps: { store: Store; clock: Clock; config: EmulatorConfig }) {
  const { store, clock, config } = deps;
  const wrappingInFlight = new Map<string, Promise<WrappingKeyPair>>();

  async function newVersion(keyType: KeyType): Promise<NewVersion> {
    return versionFromMaterial(keyType, await generateKeyMaterial(keyType), clock.now());
  }

  /** The region's BYOK wrapping key, generated (RSA-4096, slow) and persisted on first use. */
  function wrappingKey(region: string): Promise<WrappingKeyPair> {
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

  function unwrapImport(region: string, keyType: KeyType, req: CreateKeyRequest, wrapped: string) {
    const wrapping = store.getWrappingKey(region);
    if (!wrapping) {
      throw invalid(
        `importKeyMaterial: region ${region} has no wrapping key yet; fetch it from /v1/kms/${region}/wrapping-key and wrap the material with it`,
      );
    }
    const material = unwrapImportedMaterial(
      wrapping.privateKeyPem,
      Buffer.from(wrapped, 'base64'),
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
      throw invalid('importKeyMaterial: HMAC keys cannot be imported');
    if (imported && req.keyRotationEnabled === true && req.allowRotation !== true) {
      throw invalid(
        'keyRotationEnabled: an imported key can rotate only when allowRotation is true',
      );
    }
    const taken = () =>
      conflict(`A key with slug "${slug}" already exists in this scope and region`);
    if (store.slugTaken(ctx.scope, ctx.region, slug)) throw taken();

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
    const key = newKey({
      org: ctx.scope.org,
      region: ctx.region,
      project: ctx.scope.project,
      name: req.name,
      description: req.description ?? null,
      labels: req.labels ?? {},
      annotations: req.annotations ?? {},
      keyType,
      exportAllowed: req.exportAllowed ?? false,
      imported,
      allowRotation: imported ? (req.allowRotation ?? false) : false,
      rotationEnabled: req.keyRotationEnabled ?? false,
      rotationPeriodDays: req.rotationPeriodInDays ?? null,
      createdAt: now.toISOString(),
    });
    try {
      store.insertKey(
        key,
        [first],
        auditInput(ctx, { action: 'kms.create', key, status: 201, time: now, keyVersion: 1 }),
      );
    } catch (error) {
      if (error instanceof DuplicateSlugError) throw taken();
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

  /** A status change, checked against the current key and written in one transaction. */
  function changeStatus(key: KeyRecord, change: StatusChange, ctx: AuditContext): KeyRecord {
    const now = clock.now();
    const action: AuditAction = STATUS_CHANGE_ACTION[change];
    return store.mutateKey(
      key.identity,
      (current) => statusPatch(change, current, now),
      now.toISOString(),
      auditInput(ctx, { action, key, status: 200, time: now }),
    );
  }

  /** New rotation settings. `{}` changes nothing: the key comes back as it was (audited). */
  async function updateRotation(
    key: KeyRecord,
    body: UpdateRotationRequest,
    ctx: AuditContext,
  ): Promise<KeyRecord> {
    const now = clock.now();
    const audit = auditInput(ctx, { action: 'kms.update_rotation', key, status: 200, time: now });
    if (isRotationNoop(body)) {
      await store.recordAudit(audit);
      return key;
    }
    return store.mutateKey(
      key.identity,
      (current) => rotationPatch(body, current),
      now.toISOString(),
      audit,
    );
  }

  function schedulerContext(key: KeyRecord): AuditContext {
    return {
      scope: { org: key.org, project: key.project },
      region: key.region,
      actor: SCHEDULER_ACTOR,
    };
  }

  return {
    newVersion,
    wrappingKey,
    createKey,
    rotate,
    changeStatus,
    updateRotation,
    schedulerContext,
    crypto: createCryptoOps((key, version) => store.openMaterial(key.identity, version)),
    toApiKey: (key: KeyRecord, versions: Parameters<typeof toApiKey>[2]) =>
      toApiKey(config, key, versions),
    apiKey(key: KeyRecord): Key {
      return toApiKey(config, key, store.versionsOf(key.identity));
    },
  };
}
