import { z } from 'zod';
import { timestampSchema } from './objects';

/**
 * The platform audit log (`GET /v1/audit`), in the shape the public Go client's `audit` package
 * decodes (`PagedResult[AuditLog]`). See docs/emulator.md for what the emulator adds.
 */

/** Groups for filtering: what changed a key, what used it, what handed out material. */
export const AUDIT_ACTION_GROUPS = {
  lifecycle: [
    'kms.create',
    'kms.enable',
    'kms.disable',
    'kms.delete',
    'kms.cancel_deletion',
    'kms.purge',
    'kms.update_rotation',
    'kms.rotate',
    'kms.rotate.scheduled',
  ],
  crypto: ['kms.encrypt', 'kms.decrypt', 'kms.sign', 'kms.verify', 'kms.hmac', 'kms.verify_hmac'],
  export: ['kms.export'],
} as const;
/** Actions recorded for KMS keys. Records never hold plaintext, key material or tokens. */
export const AUDIT_ACTIONS = [
  ...AUDIT_ACTION_GROUPS.lifecycle,
  ...AUDIT_ACTION_GROUPS.crypto,
  ...AUDIT_ACTION_GROUPS.export,
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export type AuditActionGroup = keyof typeof AUDIT_ACTION_GROUPS;

export const AUDIT_RESOURCE_TYPE_KEY = 'kms_key';
export const AUDIT_OUTCOMES = ['success', 'failure'] as const;
export const auditOutcomeSchema = z.enum(AUDIT_OUTCOMES);
export type AuditOutcome = z.infer<typeof auditOutcomeSchema>;

/** `context` of a KMS record. Unknown extra fields are accepted and dropped. */
export const auditContextSchema = z.object({
  region: z.string(),
  projectIdentity: z.string().optional(),
  /** The key version the operation used, as a string like every crypto `keyVersion`. */
  keyVersion: z.string().optional(),
  /** HTTP status of the recorded request (200 for scheduled work). */
  responseStatus: z.number().int(),
  outcome: auditOutcomeSchema,
  /** Why a failed operation failed (the error message the caller got). */
  reason: z.string().optional(),
  userAgent: z.string().optional(),
});
export type AuditContext = z.infer<typeof auditContextSchema>;

/** One record (client-go `audit.AuditLog`). Unknown extra fields are accepted and dropped. */
export const auditLogSchema = z.object({
  createdAt: timestampSchema,
  eventID: z.string().min(1),
  action: z.string(),
  description: z.string().optional(),
  resourceType: z.string(),
  resourceIdentity: z.string(),
  organizationIdentity: z.string(),
  userIdentity: z.string().optional(),
  serviceAccountIdentity: z.string().optional(),
  context: auditContextSchema,
});
export type AuditLog = z.infer<typeof auditLogSchema>;

/** One page of records (client-go `audit.PagedResult`). */
export const auditPageSchema = z.object({
  items: z.array(auditLogSchema),
  totalItems: z.number().int().min(0),
  page: z.number().int().min(1),
  itemsPerPage: z.number().int().min(1),
  totalPages: z.number().int().min(0),
  totalCount: z.number().int().min(0),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

export const AUDIT_DEFAULT_LIMIT = 50;
export const AUDIT_MAX_LIMIT = 500;

const wholeNumber = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^[0-9]{1,9}$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, `${name} must be at least ${min}`)
        .max(max, `${name} must be at most ${max}`),
    );

/** A comma-separated list (`action=kms.encrypt,kms.decrypt`); empty entries are dropped. */
const commaList = z
  .string()
  .max(2000)
  .transform((s) =>
    s
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== ''),
  );

const text = (max: number) => z.string().max(max);

/**
 * Query of `GET /v1/audit`, as strings from the URL. Every parameter is optional; unknown ones
 * are ignored. `region`, `outcome`, `createdAfter` and `createdBefore` are emulator additions
 * (docs/emulator.md): a client that reads the platform's API must not rely on them.
 */
export const auditQuerySchema = z.object({
  page: wholeNumber('page', 1, 1_000_000_000).default(1),
  limit: wholeNumber('limit', 1, AUDIT_MAX_LIMIT).default(AUDIT_DEFAULT_LIMIT),
  action: commaList.optional(),
  resourceType: commaList.optional(),
  resourceIdentity: text(255).optional(),
  searchText: text(200).optional(),
  responseStatus: wholeNumber('responseStatus', 100, 599).optional(),
  userIdentity: text(255).optional(),
  serviceAccount: text(255).optional(),
  organizationIdentity: text(255).optional(),
  region: text(255).optional(),
  outcome: auditOutcomeSchema.optional(),
  createdAfter: timestampSchema.optional(),
  createdBefore: timestampSchema.optional(),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;
/** The query as a client writes it (every value a string). */
export type AuditQueryInput = z.input<typeof auditQuerySchema>;
