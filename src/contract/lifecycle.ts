import type { KeyStatus } from './objects';

/**
 * The key lifecycle, written once for the emulator (which enforces it) and the console (which
 * explains it before the person tries):
 *
 * ```
 * create -> active -+- disable -> disabled - enable -> active
 *                   +- rotate --> active (latestVersion + 1)
 *                   +- delete --> pending_deletion (30 days) -> purged
 *                                    +- cancel-deletion -> active
 * ```
 * Delete is allowed from `active` and `disabled`; any other transition is refused (400).
 */

/** Fixed waiting period between scheduling deletion and the purge. */
export const DELETION_WINDOW_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a key whose deletion is scheduled at `scheduledAt` is purged. */
export function purgeDateFrom(scheduledAt: Date): Date {
  return new Date(scheduledAt.getTime() + DELETION_WINDOW_DAYS * DAY_MS);
}

/** A change of status a person (or client) asks for. */
export type LifecycleAction = 'disable' | 'enable' | 'delete' | 'cancel-deletion' | 'rotate';

/** Per action: the statuses it starts from, and the status it leads to. */
export const LIFECYCLE_TRANSITIONS: Record<
  LifecycleAction,
  { readonly from: readonly KeyStatus[]; readonly to: KeyStatus }
> = {
  disable: { from: ['active'], to: 'disabled' },
  enable: { from: ['disabled'], to: 'active' },
  delete: { from: ['active', 'disabled'], to: 'pending_deletion' },
  'cancel-deletion': { from: ['pending_deletion'], to: 'active' },
  rotate: { from: ['active'], to: 'active' },
};

/** Whether `action` is allowed from `status` (rotation has one more rule: `isRotationLocked`). */
export function canTransition(status: KeyStatus, action: LifecycleAction): boolean {
  return LIFECYCLE_TRANSITIONS[action].from.includes(status);
}

/** The status `action` leads to. */
export function statusAfter(action: LifecycleAction): KeyStatus {
  return LIFECYCLE_TRANSITIONS[action].to;
}

/**
 * Only active keys encrypt, decrypt, sign, verify, compute or verify HMACs, and export; get and
 * public-key work in every status.
 */
export function canUseKey(status: KeyStatus): boolean {
  return status === 'active';
}

/** Imported keys rotate (by hand or on schedule) only when rotation was allowed at import. */
export function isRotationLocked(key: { imported: boolean; allowRotation?: boolean }): boolean {
  return key.imported && key.allowRotation !== true;
}

/**
 * A version still decrypts and verifies when it is at or above `minDecryptionVersion` (status
 * `active`); older ones are `retired` and refused.
 */
export function isVersionUsable(key: { minDecryptionVersion: number }, version: number): boolean {
  return version >= key.minDecryptionVersion;
}
