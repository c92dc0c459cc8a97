import type { AuditActionGroup, AuditLog } from '@/contract';

const ACTION_LABELS: Record<string, string> = {
  'kms.encrypt': 'Encrypt',
  'kms.decrypt': 'Decrypt',
  'kms.sign': 'Sign',
  'kms.verify': 'Verify',
  'kms.hmac': 'HMAC',
  'kms.verify_hmac': 'Verify HMAC',
  'kms.rotate': 'Rotate',
  'kms.rotate.scheduled': 'Scheduled rotation',
  'kms.export': 'Export',
  'kms.create': 'Create',
  'kms.enable': 'Enable',
  'kms.disable': 'Disable',
  'kms.delete': 'Schedule deletion',
  'kms.cancel_deletion': 'Cancel deletion',
  'kms.purge': 'Purge',
  'kms.update_rotation': 'Update rotation',
};

/** A person's name for an audit action; an unknown action is shown as sent. */
export function auditActionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

export const ACTION_GROUP_LABELS: Record<AuditActionGroup, string> = {
  lifecycle: 'Lifecycle',
  crypto: 'Crypto operations',
  export: 'Export',
};

/** The scheduler's service account (scheduled rotation, purge). */
export const SCHEDULER_ACCOUNT = 'system:scheduler';

/** Who did it: the user, else the service account; never a token. */
export function auditCaller(event: AuditLog): string {
  return event.userIdentity ?? event.serviceAccountIdentity ?? 'unknown';
}
