import type { AuditAction, UpdateRotationRequest } from '../../../src/contract/index';
import { auditInput, SCHEDULER_ACTOR } from '../audit';
import type { AuditContext } from '../audit';
import type { Clock } from '../clock';
import { generateKeyMaterial } from '../crypto/index';
import type { KeyRecord, Store } from '../store/store';
import { versionFromMaterial } from './key-factory';
import {
  assertCanRotate,
  isRotationNoop,
  rotationPatch,
  STATUS_CHANGE_ACTION,
  statusPatch,
} from './lifecycle';
import type { StatusChange } from './lifecycle';

/** Who acts for the scheduler on a key (scheduled rotation, purge). */
export function schedulerContext(key: KeyRecord): AuditContext {
  return {
    scope: { org: key.org, project: key.project },
    region: key.region,
    actor: SCHEDULER_ACTOR,
  };
}

/**
 * Changes to an existing key: rotation, status changes, rotation settings. Each is checked
 * against the key as it is inside the transaction and written with its audit record.
 */
export function createKeyChanges(store: Store, clock: Clock) {
  return {
    /** Adds version latestVersion+1 (manual rotate, or the scheduler's). */
    async rotate(
      key: KeyRecord,
      ctx: AuditContext,
      action: 'kms.rotate' | 'kms.rotate.scheduled',
    ): Promise<KeyRecord> {
      assertCanRotate(key);
      const material = await generateKeyMaterial(key.keyType);
      const now = clock.now();
      const version = versionFromMaterial(key.keyType, material, now);
      return store.addVersions(
        key.identity,
        assertCanRotate,
        [version],
        now.toISOString(),
        (next) =>
          auditInput(ctx, { action, key, status: 200, time: now, keyVersion: next.latestVersion }),
      );
    },

    /** A status change, checked against the current key and written in one transaction. */
    changeStatus(key: KeyRecord, change: StatusChange, ctx: AuditContext): KeyRecord {
      const now = clock.now();
      const action: AuditAction = STATUS_CHANGE_ACTION[change];
      return store.mutateKey(
        key.identity,
        (current) => statusPatch(change, current, now),
        now.toISOString(),
        auditInput(ctx, { action, key, status: 200, time: now }),
      );
    },

    /** New rotation settings. `{}` changes nothing: the key comes back as it was (audited). */
    async updateRotation(
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
    },
  };
}
