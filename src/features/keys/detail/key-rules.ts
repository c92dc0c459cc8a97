import {
  canTransition,
  canUseKey,
  confirmationPhrase,
  isAsymmetricKeyType,
  isRotationLocked as isRotationLockedRule,
  isVersionUsable,
  KEY_TYPE_INFO,
  purgeDateFrom,
  type Key,
  type KeyStatus,
  type KeyVersion,
  type LifecycleAction,
} from '@/contract';
import { addDays } from '@/lib/format';

/**
 * The console's words for the lifecycle rules of `src/contract/lifecycle.ts`: each reason says
 * why the contract refuses an action in the key's status, or null when it allows it.
 */

/** Fixed waiting period between scheduling deletion and purge (the contract's). */
export { DELETION_WINDOW_DAYS } from '@/contract';

/** Why an action is not possible now, or null when it is. Shown next to disabled controls. */
export type Reason = string | null;

const STATUS_LABEL: Record<Key['status'], string> = {
  active: 'active',
  disabled: 'disabled',
  pending_deletion: 'pending deletion',
};

/** The status in a sentence ("this key is pending deletion"). */
export function statusLabel(status: Key['status']): string {
  return STATUS_LABEL[status];
}

/** The status on its own (a badge): capitalised, as the key list shows it. */
export function statusTitle(status: Key['status']): string {
  const label = STATUS_LABEL[status];
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** "version 3" or "versions 1 to 3": the versions that still decrypt or verify. */
export function usableVersions(key: Pick<Key, 'minDecryptionVersion' | 'latestVersion'>): string {
  return key.minDecryptionVersion >= key.latestVersion
    ? `version ${key.latestVersion}`
    : `versions ${key.minDecryptionVersion} to ${key.latestVersion}`;
}

/** Imported keys rotate only when rotation was allowed at import (docs/emulator.md, "Rotation"). */
export function isRotationLocked(key: Key): boolean {
  return isRotationLockedRule(key);
}

/** Null when the contract allows `action` in the key's status, else the words for that status. */
function refusal(
  key: Key,
  action: LifecycleAction,
  words: Partial<Record<KeyStatus, string>>,
): Reason {
  if (canTransition(key.status, action)) return null;
  return words[key.status] ?? `This key is ${statusLabel(key.status)}.`;
}

export function rotateReason(key: Key): Reason {
  if (isRotationLocked(key))
    return 'This key was imported with rotation not allowed, so it can never rotate. If you need rotation, import the material again as a new key and allow rotation.';
  return refusal(key, 'rotate', {
    disabled: 'The key is disabled: enable it before rotating.',
    pending_deletion: 'The key is scheduled for deletion: cancel the deletion before rotating.',
  });
}

/**
 * Rotation settings follow the same rules as rotating. (The console is stricter than the API
 * here, which accepts a settings change in any status, so nothing surprising happens later.)
 */
export function rotationSettingsReason(key: Key): Reason {
  if (isRotationLocked(key))
    return 'This key was imported with rotation not allowed: automatic rotation can never be turned on for it.';
  return refusal(key, 'rotate', {
    disabled: 'The key is disabled: enable it to change its rotation settings.',
    pending_deletion:
      'The key is scheduled for deletion: cancel the deletion to change its rotation settings.',
  });
}

export function disableReason(key: Key): Reason {
  return refusal(key, 'disable', {
    disabled: 'The key is already disabled.',
    pending_deletion: 'The key is scheduled for deletion and already refuses every operation.',
  });
}

export function enableReason(key: Key): Reason {
  return refusal(key, 'enable', {
    active: 'The key is already active.',
    pending_deletion: 'A key pending deletion cannot be enabled: cancel the deletion instead.',
  });
}

export function deleteReason(key: Key): Reason {
  return refusal(key, 'delete', { pending_deletion: 'Deletion is already scheduled.' });
}

export function exportReason(key: Key): Reason {
  if (!key.exportAllowed)
    return 'Export was not allowed when this key was created, and that can never be changed.';
  if (!canUseKey(key.status))
    return `Only active keys can be exported; this key is ${statusLabel(key.status)}.`;
  return null;
}

/** Public keys exist only for asymmetric types. */
export function publicKeyReason(key: Key): Reason {
  if (isAsymmetricKeyType(key.keyType)) return null;
  return `${KEY_TYPE_INFO[key.keyType].label} keys are symmetric: there is no public key.`;
}

/**
 * When the key will be purged. The emulator sends the purge time; an API that sends the moment
 * deletion was scheduled gives a time in the past (a purge time in the past would already have
 * been purged), so then the window is added.
 */
export function purgeDate(key: Key, now: Date = new Date()): Date | null {
  if (key.status !== 'pending_deletion' || !key.deletionScheduledAt) return null;
  const at = new Date(key.deletionScheduledAt);
  return at.getTime() >= now.getTime() ? at : purgeDateFrom(at);
}

export function latestVersionOf(
  key: Pick<Key, 'versions' | 'latestVersion'>,
): KeyVersion | undefined {
  let latest: KeyVersion | undefined;
  for (const v of key.versions) if (v.version === key.latestVersion) latest = v;
  if (latest) return latest;
  for (const v of key.versions) if (!latest || v.version > latest.version) latest = v;
  return latest;
}

/**
 * When the next automatic rotation falls: the latest version's creation + the period
 * (docs/emulator.md, "Rotation"). Null when rotation is off, has no period, or the key cannot
 * rotate.
 */
export function nextRotationDate(
  key: Pick<Key, 'versions' | 'latestVersion'>,
  settings: { enabled: boolean; periodDays: number | undefined },
): Date | null {
  if (!settings.enabled || settings.periodDays === undefined) return null;
  const latest = latestVersionOf(key);
  if (!latest) return null;
  return addDays(latest.createdAt, settings.periodDays);
}

/** The next automatic rotation of the key as saved; only an active key rotates. */
export function upcomingRotation(key: Key): Date | null {
  if (key.status !== 'active') return null;
  return nextRotationDate(key, {
    enabled: key.keyRotationEnabled,
    periodDays: key.rotationPeriodInDays,
  });
}

export type VersionState = 'latest' | 'usable' | 'retired';

/**
 * What a version can still do: the latest is used for new encrypt/sign/HMAC; versions at or
 * above minDecryptionVersion still decrypt/verify; versions below it are refused (section 5).
 */
export function versionState(
  key: Pick<Key, 'latestVersion' | 'minDecryptionVersion'>,
  version: number,
): VersionState {
  if (version === key.latestVersion) return 'latest';
  return isVersionUsable(key, version) ? 'usable' : 'retired';
}

/** Words for what older versions still do, per key purpose. */
export function usableVerb(key: Key): string {
  const ops = KEY_TYPE_INFO[key.keyType].operations;
  if (ops.includes('decrypt') && ops.includes('verify')) return 'decrypt and verify';
  if (ops.includes('decrypt')) return 'decrypt';
  if (ops.includes('verify')) return 'verify';
  return 'verify HMACs';
}

export function newOutputVerb(key: Key): string {
  const ops = KEY_TYPE_INFO[key.keyType].operations;
  const out: string[] = [];
  if (ops.includes('encrypt')) out.push('encrypt');
  if (ops.includes('sign')) out.push('sign');
  if (ops.includes('hmac')) out.push('HMAC');
  return out.join(' and ');
}

/** The text typed to confirm scheduling deletion or exporting this key: `region/slug`. */
export function keyConfirmation(region: string, key: Pick<Key, 'slug'>): string {
  return confirmationPhrase(region, key.slug);
}

/** The hint under every typed confirmation of an existing key. */
export const KEY_CONFIRMATION_HINT = "The key's region and slug, as shown.";
