import { AUDIT_RESOURCE_TYPE_KEY } from '../../src/contract/index';
import type { AuditAction, AuditLog } from '../../src/contract/index';

/**
 * The emulator's audit records: who did what to which key, in the shape of the platform's
 * audit log (`GET /v1/audit`). Records never hold plaintext, key material or tokens: they are
 * built only from the key's identity, name and slug, the action, the version number, the
 * status and (for failures) the error message the caller got.
 */

/** '' is the organisation scope; otherwise a project identity. */
export interface AuditScope {
  org: string;
  project: string;
}

/** Who acted: the API caller (with its user agent) or the platform's scheduler. */
export interface AuditActor {
  userIdentity?: string;
  serviceAccountIdentity?: string;
  userAgent?: string;
}

/** Who/where of a request, for audit records. Never holds a token. */
export interface AuditContext {
  scope: AuditScope;
  region: string;
  actor: AuditActor;
}

/** The identity every API caller is recorded as (the emulator has one token and no users). */
export const API_USER_IDENTITY = 'local-token';
/** The service account of scheduled rotation and purge. */
export const SCHEDULER_ACCOUNT = 'system:scheduler';
export const SCHEDULER_ACTOR: AuditActor = { serviceAccountIdentity: SCHEDULER_ACCOUNT };

const MAX_USER_AGENT_LENGTH = 200;
const MAX_REASON_LENGTH = 500;

/** One line of at most `max` characters: control characters become spaces. */
function oneLine(value: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const spaced = value.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return spaced.trim().slice(0, max);
}

/** The API caller as recorded: the user agent, trimmed; never the Authorization header. */
export function apiActor(userAgent: string | undefined): AuditActor {
  const ua = oneLine(userAgent ?? '', MAX_USER_AGENT_LENGTH);
  return { userIdentity: API_USER_IDENTITY, ...(ua !== '' ? { userAgent: ua } : {}) };
}

/** What a sentence needs to name a key (a purged key may be known by identity only). */
export interface KeyRef {
  identity: string;
  name?: string | null;
  slug?: string | null;
}

/** Past tense for a success, infinitive for a failure ("Could not ..."), and what follows the key. */
const PHRASES: Record<AuditAction, readonly [string, string, string?]> = {
  'kms.create': ['Created', 'create'],
  'kms.enable': ['Enabled', 'enable'],
  'kms.disable': ['Disabled', 'disable'],
  'kms.delete': ['Scheduled the deletion of', 'schedule the deletion of'],
  'kms.cancel_deletion': ['Cancelled the deletion of', 'cancel the deletion of'],
  'kms.purge': ['Purged', 'purge', ' at the end of its deletion window'],
  'kms.update_rotation': ['Updated the rotation settings of', 'update the rotation settings of'],
  'kms.rotate': ['Rotated', 'rotate'],
  'kms.rotate.scheduled': ['Rotated', 'rotate', ' on schedule'],
  'kms.encrypt': ['Encrypted with', 'encrypt with'],
  'kms.decrypt': ['Decrypted with', 'decrypt with'],
  'kms.sign': ['Signed with', 'sign with'],
  'kms.verify': ['Verified a signature with', 'verify a signature with'],
  'kms.hmac': ['Computed an HMAC with', 'compute an HMAC with'],
  'kms.verify_hmac': ['Verified an HMAC with', 'verify an HMAC with'],
  'kms.export': ['Exported the material of', 'export the material of'],
};

function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(PHRASES, action);
}

/** One human sentence about a record; names the key and version, never a secret. */
export function describeAuditEvent(
  action: string,
  key: KeyRef,
  success: boolean,
  keyVersion: string | null,
): string {
  const name = key.name ?? '';
  const what =
    name !== ''
      ? `key "${name}" (${key.slug && key.slug !== '' ? key.slug : key.identity})`
      : `key ${key.identity}`;
  const version = keyVersion !== null ? `, version ${keyVersion}` : '';
  if (!isAuditAction(action)) return `${success ? 'Ran' : 'Could not run'} ${action} on ${what}.`;
  const [past, infinitive, after = ''] = PHRASES[action];
  return success
    ? `${past} ${what}${after}${version}.`
    : `Could not ${infinitive} ${what}${after}${version}.`;
}

/** A record as stored (one row of audit_log, before it has its id). */
export interface AuditInput {
  createdAt: string;
  org: string;
  project: string;
  region: string;
  action: string;
  resourceType: string;
  resourceIdentity: string;
  description: string;
  userIdentity: string | null;
  serviceAccount: string | null;
  keyVersion: string | null;
  status: number;
  outcome: 'success' | 'failure';
  reason: string | null;
  userAgent: string | null;
}

export interface AuditEventSpec {
  action: AuditAction;
  key: KeyRef;
  /** HTTP status the caller got (200 for scheduled work); 400 and above is a failure. */
  status: number;
  time: Date;
  keyVersion?: number | string | null;
  /** For failures: the error message the caller got. */
  reason?: string;
}

export function auditInput(ctx: AuditContext, spec: AuditEventSpec): AuditInput {
  const keyVersion =
    spec.keyVersion === undefined || spec.keyVersion === null ? null : String(spec.keyVersion);
  const success = spec.status < 400;
  return {
    createdAt: spec.time.toISOString(),
    org: ctx.scope.org,
    project: ctx.scope.project,
    region: ctx.region,
    action: spec.action,
    resourceType: AUDIT_RESOURCE_TYPE_KEY,
    resourceIdentity: spec.key.identity,
    description: describeAuditEvent(spec.action, spec.key, success, keyVersion),
    userIdentity: ctx.actor.userIdentity ?? null,
    serviceAccount: ctx.actor.serviceAccountIdentity ?? null,
    keyVersion,
    status: spec.status,
    outcome: success ? 'success' : 'failure',
    reason: !success && spec.reason !== undefined ? oneLine(spec.reason, MAX_REASON_LENGTH) : null,
    userAgent: ctx.actor.userAgent ?? null,
  };
}

/** The lower-cased text `searchText` matches (action, resource identity, description). */
export function auditSearchText(action: string, resourceIdentity: string, description: string) {
  return `${action}\n${resourceIdentity}\n${description}`.toLowerCase();
}

/** A stored record in the platform's AuditLog shape. */
export function toAuditLog(id: number, r: AuditInput): AuditLog {
  return {
    createdAt: r.createdAt,
    eventID: `evt-${id}`,
    action: r.action,
    description: r.description,
    resourceType: r.resourceType,
    resourceIdentity: r.resourceIdentity,
    organizationIdentity: r.org,
    ...(r.userIdentity !== null ? { userIdentity: r.userIdentity } : {}),
    ...(r.serviceAccount !== null ? { serviceAccountIdentity: r.serviceAccount } : {}),
    context: {
      region: r.region,
      ...(r.project !== '' ? { projectIdentity: r.project } : {}),
      ...(r.keyVersion !== null ? { keyVersion: r.keyVersion } : {}),
      responseStatus: r.status,
      outcome: r.outcome,
      ...(r.reason !== null ? { reason: r.reason } : {}),
      ...(r.userAgent !== null ? { userAgent: r.userAgent } : {}),
    },
  };
}
