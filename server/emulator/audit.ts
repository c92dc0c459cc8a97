import { z } from 'zod';
import type { AuditEvent } from '../../src/contract/index';
import type { AuditInput, AuditRecord, Scope } from './store';

/** Who/where of a request, for audit records. Never holds a token. */
export interface AuditContext {
  scope: Scope;
  region: string | null;
  client: string;
}

export const RESOURCE_TYPE_KEY = 'kms_key';
export const SCHEDULER_CLIENT = 'scheduler';
const MAX_CLIENT_LENGTH = 200;

/** The client as recorded: the user agent, trimmed; never the Authorization header. */
export function clientOf(userAgent: string | undefined): string {
  // Control characters become spaces so a record stays one line.
  // eslint-disable-next-line no-control-regex
  const ua = (userAgent ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return ua === '' ? 'unknown' : ua.slice(0, MAX_CLIENT_LENGTH);
}

export function auditInput(
  ctx: AuditContext,
  action: string,
  resourceIdentity: string,
  outcome: 'success' | 'failure',
  status: number,
  time: Date,
  keyVersion?: number | string | null,
): AuditInput {
  return {
    org: ctx.scope.org,
    project: ctx.scope.project,
    region: ctx.region,
    action,
    resourceType: RESOURCE_TYPE_KEY,
    resourceIdentity,
    keyVersion: keyVersion === undefined || keyVersion === null ? null : String(keyVersion),
    outcome,
    status,
    time: time.toISOString(),
    client: ctx.client,
  };
}

/** Query of `GET /v1/audit` (an emulator addition; not part of kms-api.md). */
export const auditQuerySchema = z.object({
  resourceType: z.string().min(1).max(100).optional(),
  resourceIdentity: z.string().min(1).max(255).optional(),
  limit: z.coerce
    .number({ error: 'limit must be a whole number from 1 to 1000' })
    .int('limit must be a whole number from 1 to 1000')
    .min(1, 'limit must be at least 1')
    .max(1000, 'limit must be at most 1000')
    .default(50),
});

export function toAuditEvent(record: AuditRecord): AuditEvent {
  return {
    id: `audit-${record.id}`,
    action: record.action,
    resourceType: record.resourceType,
    resourceIdentity: record.resourceIdentity,
    ...(record.keyVersion !== null ? { keyVersion: record.keyVersion } : {}),
    outcome: record.outcome,
    status: record.status,
    time: record.time,
    ...(record.client !== null ? { client: record.client } : {}),
    ...(record.region !== null ? { region: record.region } : {}),
  };
}
