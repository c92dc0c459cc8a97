import {
  canTransition,
  isRotationLocked,
  purgeDateFrom,
  statusAfter,
} from '../../../src/contract/index';
import type { AuditAction, UpdateRotationRequest } from '../../../src/contract/index';
import type { KeyPatch, KeyRecord } from '../store/store';
import { invalid } from './errors';

/**
 * The emulator's side of the lifecycle of `src/contract/lifecycle.ts`: each status change as a
 * patch of the current key, or a refusal in the words the caller gets.
 */

export type StatusChange = 'delete' | 'cancel-deletion' | 'disable' | 'enable';

export const STATUS_CHANGE_ACTION: Record<StatusChange, AuditAction> = {
  delete: 'kms.delete',
  'cancel-deletion': 'kms.cancel_deletion',
  disable: 'kms.disable',
  enable: 'kms.enable',
};

const REFUSALS: Record<StatusChange, (key: KeyRecord) => string> = {
  delete: () => 'The key is already pending deletion',
  'cancel-deletion': (key) =>
    `Only a key pending deletion can be restored; this key is ${key.status}`,
  disable: (key) => `Only active keys can be disabled; this key is ${key.status}`,
  enable: (key) => `Only disabled keys can be enabled; this key is ${key.status}`,
};

/** The patch that applies `change` to `key` at `now`; refuses a transition the contract forbids. */
export function statusPatch(change: StatusChange, key: KeyRecord, now: Date): KeyPatch {
  if (!canTransition(key.status, change)) throw invalid(REFUSALS[change](key));
  const status = statusAfter(change);
  if (change === 'delete') {
    return { status, deletionScheduledAt: purgeDateFrom(now).toISOString() };
  }
  return change === 'cancel-deletion' ? { status, deletionScheduledAt: null } : { status };
}

/** Rotation (by hand or on schedule) of an active key that is not locked by its import. */
export function assertCanRotate(key: KeyRecord): void {
  if (!canTransition(key.status, 'rotate')) {
    throw invalid(`Only active keys can be rotated; this key is ${key.status}`);
  }
  if (isRotationLocked(key)) {
    throw invalid('This imported key was created without allowRotation, so it cannot be rotated');
  }
}

/** Whether a rotation update changes anything (`{}` does not: Terraform sends it). */
export function isRotationNoop(body: UpdateRotationRequest): boolean {
  return body.keyRotationEnabled === undefined && body.rotationPeriodInDays === undefined;
}

/** The new rotation settings; enabling needs a period, and an import that allowed rotation. */
export function rotationPatch(body: UpdateRotationRequest, current: KeyRecord): KeyPatch {
  const enabled = body.keyRotationEnabled ?? current.rotationEnabled;
  const period = body.rotationPeriodInDays ?? current.rotationPeriodDays;
  if (enabled && period === null) {
    throw invalid('rotationPeriodInDays: a rotation period is required when rotation is enabled');
  }
  if (body.keyRotationEnabled === true && isRotationLocked(current)) {
    throw invalid('keyRotationEnabled: this imported key was created without allowRotation');
  }
  return { rotationEnabled: enabled, rotationPeriodDays: period };
}
