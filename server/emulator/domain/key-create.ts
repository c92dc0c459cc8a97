import { DEFAULT_KEY_TYPE, isHmacKeyType, slugify } from '../../../src/contract/index';
import type { CreateKeyRequest, KeyType } from '../../../src/contract/index';
import { auditInput } from '../audit';
import type { AuditContext } from '../audit';
import type { Clock } from '../clock';
import { generateKeyMaterial } from '../crypto/index';
import { DuplicateSlugError } from '../store/store';
import type { KeyRecord, Store } from '../store/store';
import { conflict, invalid } from './errors';
import { newKey, placeOf, versionFromMaterial } from './key-factory';
import type { WrappingKeys } from './wrapping-keys';

type CreateContext = AuditContext & { region: string };

/** The create-time refusals of a request, before anything is generated or unwrapped. */
function checkCreateRequest(req: CreateKeyRequest, keyType: KeyType): void {
  const imported = req.importKeyMaterial !== undefined;
  if (imported && isHmacKeyType(keyType))
    throw invalid('importKeyMaterial: HMAC keys cannot be imported');
  if (imported && req.keyRotationEnabled === true && req.allowRotation !== true) {
    throw invalid('keyRotationEnabled: an imported key can rotate only when allowRotation is true');
  }
}

/** The key record a create request describes (version 1, active). */
function keyFromRequest(
  ctx: CreateContext,
  req: CreateKeyRequest,
  keyType: KeyType,
  createdAt: string,
): KeyRecord {
  const imported = req.importKeyMaterial !== undefined;
  return newKey({
    ...placeOf(ctx),
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
    createdAt,
  });
}

/**
 * `createKey`: a key with generated or imported (BYOK) material, written with its audit record
 * in one transaction; a slug already used in the scope and region is a conflict.
 */
export function createKeyCreator(deps: { store: Store; clock: Clock; wrapping: WrappingKeys }) {
  const { store, clock, wrapping } = deps;

  return async function createKey(ctx: CreateContext, req: CreateKeyRequest): Promise<KeyRecord> {
    const keyType = req.keyType ?? DEFAULT_KEY_TYPE;
    checkCreateRequest(req, keyType);
    const slug = slugify(req.name);
    const taken = () =>
      conflict(`A key with slug "${slug}" already exists in this scope and region`);
    if (store.slugTaken(ctx.scope, ctx.region, slug)) throw taken();

    const material =
      req.importKeyMaterial !== undefined
        ? wrapping.unwrapImport(ctx.region, keyType, req, req.importKeyMaterial)
        : await generateKeyMaterial(keyType);
    // The clock is read after generation (which can take seconds): the key is as old as it is.
    const now = clock.now();
    const key = keyFromRequest(ctx, req, keyType, now.toISOString());
    const audit = auditInput(ctx, {
      action: 'kms.create',
      key,
      status: 201,
      time: now,
      keyVersion: 1,
    });
    try {
      store.insertKey(key, [versionFromMaterial(keyType, material, now)], audit);
    } catch (error) {
      if (error instanceof DuplicateSlugError) throw taken();
      throw error;
    }
    return key;
  };
}
