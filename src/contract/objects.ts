import { z } from 'zod';
import { keyTypeSchema } from './key-types';

/** RFC 3339 timestamp as sent by the API (offset or Z). */
export const timestampSchema = z.iso.datetime({ offset: true });

export const KEY_STATUSES = ['active', 'disabled', 'pending_deletion'] as const;
export const keyStatusSchema = z.enum(KEY_STATUSES);
export type KeyStatus = z.infer<typeof keyStatusSchema>;

/** One version of a key. `status` is any string: the console must render unknown ones too. */
export const keyVersionSchema = z.object({
  version: z.number().int().min(1),
  status: z.string(),
  createdAt: timestampSchema,
});
export type KeyVersion = z.infer<typeof keyVersionSchema>;

export const organisationRefSchema = z.object({
  identity: z.string(),
  name: z.string(),
  slug: z.string(),
});

/**
 * The Key object (docs/emulator.md, "The Key object"). Unknown extra fields are accepted and
 * dropped.
 */
export const keySchema = z.object({
  identity: z.string().startsWith('kms-'),
  name: z.string(),
  slug: z.string(),
  description: z.string().optional(),
  labels: z.record(z.string(), z.string()).optional(),
  annotations: z.record(z.string(), z.string()).optional(),
  projectId: z.string().optional(),
  keyType: keyTypeSchema,
  status: keyStatusSchema,
  exportAllowed: z.boolean(),
  imported: z.boolean(),
  keyRotationEnabled: z.boolean(),
  rotationPeriodInDays: z.number().int().optional(),
  /** Only present on imported keys; whether they may rotate. */
  allowRotation: z.boolean().optional(),
  latestVersion: z.number().int().min(1),
  minDecryptionVersion: z.number().int().min(1),
  versions: z.array(keyVersionSchema),
  deletionScheduledAt: timestampSchema.optional(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  objectVersion: z.number().int(),
  organisation: organisationRefSchema.optional(),
});
export type Key = z.infer<typeof keySchema>;

export const keyListSchema = z.array(keySchema);

export const regionSummarySchema = z.object({
  identity: z.string(),
  name: z.string(),
  slug: z.string(),
  kmsAvailable: z.boolean(),
  totalKeys: z.number().int().min(0),
  activeKeys: z.number().int().min(0),
  disabledKeys: z.number().int().min(0),
  pendingDeletionKeys: z.number().int().min(0),
});
export type RegionSummary = z.infer<typeof regionSummarySchema>;

export const summarySchema = z.object({
  featureEnabled: z.boolean(),
  regions: z.array(regionSummarySchema),
});
export type Summary = z.infer<typeof summarySchema>;

export const errorBodySchema = z.object({ message: z.string() });
export type ErrorBody = z.infer<typeof errorBodySchema>;
