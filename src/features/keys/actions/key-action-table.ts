import type { Key } from '@/contract';
import type { ApiClient } from '@/lib/api-client';
import { runKeyAction, type KeyAction } from '../api';
import {
  DELETION_WINDOW_DAYS,
  deleteReason,
  disableReason,
  enableReason,
  isRotationLocked,
  keyConfirmation,
  rotateReason,
  type Reason,
} from '../detail/key-rules';

/** The lifecycle actions a person can take on one key or on many at once. */
export const KEY_ACTION_IDS = ['rotate', 'disable', 'enable', 'delete', 'cancel-deletion'] as const;
export type KeyActionId = (typeof KEY_ACTION_IDS)[number];

export interface KeyActionDef {
  id: KeyActionId;
  /** The action on one key (menus, buttons). */
  label: string;
  /** The verb in a sentence and in the typed phrase: "disable 3 keys in nl-01". */
  verb: string;
  /** The action on many keys, for the bulk dialog's title and button: "Disable 3 keys". */
  bulkLabel: (count: number) => string;
  /** What happened to a key, for results: "disabled". */
  doneWord: string;
  tone: 'primary' | 'danger';
  /** Why the action is not possible for this key now, or null when it is. */
  allowed: (key: Key) => Reason;
  /** The API operation; it answers with the key as it is afterwards. */
  operation: KeyAction;
  /** The typed confirmation for one key (the key page's rule), or null when none is needed. */
  confirmOne: (region: string, key: Key) => string | null;
  /** Whether many keys at once need the typed count and region (`delete 12 keys in nl-01`). */
  isConfirmedByCount: boolean;
  /** What the action does, for the bulk dialog ("N keys will ..."). */
  effect: string;
}

/** Only keys pending deletion have a deletion to cancel. */
export function cancelDeletionReason(key: Key): Reason {
  return key.status === 'pending_deletion' ? null : 'The key is not scheduled for deletion.';
}

const none = () => null;

/**
 * The one table of lifecycle actions: the row menu, the bulk bar and the bulk dialog all read
 * it; the reasons are the key page's rules (key-rules.ts).
 */
export const KEY_ACTIONS: Record<KeyActionId, KeyActionDef> = {
  rotate: {
    id: 'rotate',
    bulkLabel: (n) => `Rotate ${countKeys(n)}`,
    label: 'Rotate now',
    verb: 'rotate',
    doneWord: 'rotated',
    tone: 'primary',
    allowed: rotateReason,
    operation: 'rotateKey',
    confirmOne: none,
    isConfirmedByCount: false,
    effect:
      'get a new latest version. Everything already encrypted or signed keeps working; rotation cannot be undone.',
  },
  disable: {
    id: 'disable',
    bulkLabel: (n) => `Disable ${countKeys(n)}`,
    label: 'Disable',
    verb: 'disable',
    doneWord: 'disabled',
    tone: 'danger',
    allowed: disableReason,
    operation: 'disableKey',
    confirmOne: none,
    isConfirmedByCount: false,
    effect:
      'be disabled: KMS refuses every operation with them until they are enabled again. Nothing is lost.',
  },
  enable: {
    id: 'enable',
    bulkLabel: (n) => `Enable ${countKeys(n)}`,
    label: 'Enable',
    verb: 'enable',
    doneWord: 'enabled',
    tone: 'primary',
    allowed: enableReason,
    operation: 'enableKey',
    confirmOne: none,
    isConfirmedByCount: false,
    effect: 'become active again and work for every operation their type allows.',
  },
  delete: {
    id: 'delete',
    bulkLabel: (n) => `Schedule deletion of ${countKeys(n)}`,
    label: 'Schedule deletion',
    verb: 'delete',
    doneWord: 'scheduled for deletion',
    tone: 'danger',
    allowed: deleteReason,
    operation: 'deleteKey',
    confirmOne: keyConfirmation,
    isConfirmedByCount: true,
    effect: `stop working now and be purged for good after the ${DELETION_WINDOW_DAYS}-day waiting period, with every version: data encrypted under them can then never be decrypted. Each deletion can be cancelled until its purge.`,
  },
  'cancel-deletion': {
    id: 'cancel-deletion',
    bulkLabel: (n) => `Cancel deletion of ${countKeys(n)}`,
    label: 'Cancel deletion',
    verb: 'cancel deletion of',
    doneWord: 'active again',
    tone: 'primary',
    allowed: cancelDeletionReason,
    operation: 'cancelDeletion',
    confirmOne: none,
    isConfirmedByCount: false,
    effect: 'have their deletion called off and return to active, with all their versions.',
  },
};

/**
 * The lifecycle actions offered for one key, as the key page offers them: rotate (never for a
 * key that can never rotate), enable or disable, schedule or cancel deletion.
 */
export function rowActions(key: Key): KeyActionDef[] {
  const list: KeyActionDef[] = [];
  if (!isRotationLocked(key)) list.push(KEY_ACTIONS.rotate);
  list.push(key.status === 'disabled' ? KEY_ACTIONS.enable : KEY_ACTIONS.disable);
  list.push(
    key.status === 'pending_deletion' ? KEY_ACTIONS['cancel-deletion'] : KEY_ACTIONS.delete,
  );
  return list;
}

/** Runs the action on one key through the API; resolves with the key as it is afterwards. */
export function runAction(
  client: ApiClient,
  action: KeyActionDef,
  region: string,
  key: Key,
): Promise<Key> {
  return runKeyAction(client, action.operation, region, key.identity);
}

export function countKeys(count: number): string {
  return `${count.toLocaleString('en')} ${count === 1 ? 'key' : 'keys'}`;
}

/** The phrase typed to confirm an action on many keys: `delete 12 keys in nl-01`. */
export function bulkConfirmation(action: KeyActionDef, count: number, region: string): string {
  return `${action.verb} ${count} ${count === 1 ? 'key' : 'keys'} in ${region}`;
}

export interface BulkPlan {
  /** The keys the action will run on, in the order given. */
  targets: Key[];
  /** The keys left out, grouped by the reason (in order of first appearance). */
  skipped: { reason: string; keys: Key[] }[];
}

/** Splits the selected keys into those the action applies to and those skipped, with why. */
export function planBulk(action: KeyActionDef, keys: readonly Key[]): BulkPlan {
  const targets: Key[] = [];
  const groups = new Map<string, Key[]>();
  for (const key of keys) {
    const reason = action.allowed(key);
    if (reason === null) targets.push(key);
    else {
      const group = groups.get(reason);
      if (group) group.push(key);
      else groups.set(reason, [key]);
    }
  }
  return { targets, skipped: [...groups].map(([reason, list]) => ({ reason, keys: list })) };
}
