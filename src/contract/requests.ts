import { z } from 'zod';
import { base64DecodedLength, isBase64, MAX_INPUT_BYTES, MIN_INPUT_BYTES } from './base64';
import {
  byokHashFunctionSchema,
  hashAlgorithmSchema,
  isHmacKeyType,
  keyTypeSchema,
} from './key-types';
import { annotationsSchema, labelsSchema } from './labels';
import { keyStatusSchema } from './objects';
import { slugify } from './slug';
import { MULTI_LINE_TEXT, safeTextCheck, SINGLE_LINE_TEXT } from './safe-text';
import { parseThalassaString } from './thalassa-string';

export const MIN_ROTATION_DAYS = 1;
export const MAX_ROTATION_DAYS = 3650;
export const MAX_NAME_LENGTH = 255;
export const MAX_DESCRIPTION_LENGTH = 1024;

export const rotationPeriodSchema = z
  .number({ error: 'Rotation period must be a whole number of days' })
  .int('Rotation period must be a whole number of days')
  .min(MIN_ROTATION_DAYS, `Rotation period must be at least ${MIN_ROTATION_DAYS} day`)
  .max(MAX_ROTATION_DAYS, `Rotation period must be at most ${MAX_ROTATION_DAYS} days`);

export const keyNameSchema = z
  .string({ error: 'Name is required' })
  .min(1, 'Name is required')
  .max(MAX_NAME_LENGTH, `Name must be at most ${MAX_NAME_LENGTH} characters`)
  .superRefine(safeTextCheck(SINGLE_LINE_TEXT))
  .refine((name) => slugify(name) !== '', {
    message: 'Name must contain at least one letter or digit',
  });

export const descriptionSchema = z
  .string()
  .max(MAX_DESCRIPTION_LENGTH, `Description must be at most ${MAX_DESCRIPTION_LENGTH} characters`)
  .superRefine(safeTextCheck(MULTI_LINE_TEXT));

/** Version numbers are strings in every crypto request/response. */
export const versionStringSchema = z
  .string({ error: 'keyVersion must be a string such as "2"' })
  .regex(/^[1-9][0-9]{0,8}$/, 'keyVersion must be a positive integer as a string, such as "2"');

/** A base64 crypto input of 1 to 65,535 decoded bytes. */
export const cryptoInputSchema = z
  .string({ error: 'must be a base64 string' })
  .refine((v) => v.length > 0, { message: 'must not be empty', abort: true })
  .refine((v) => isBase64(v), { message: 'must be standard base64', abort: true })
  .refine(
    (v) => {
      const n = base64DecodedLength(v);
      return n >= MIN_INPUT_BYTES && n <= MAX_INPUT_BYTES;
    },
    `must decode to ${MIN_INPUT_BYTES} to ${MAX_INPUT_BYTES.toLocaleString('en')} bytes`,
  );

/** A ciphertext, signature or hmac in requests: `thalassa:v<N>:<base64>` (section 5). */
export const thalassaStringSchema = z
  .string({ error: 'must be a string of the form thalassa:v<N>:<base64>' })
  .min(1, { message: 'must not be empty', abort: true })
  .refine((v) => parseThalassaString(v) !== null, 'must be of the form thalassa:v<N>:<base64>');

export const base64StringSchema = z
  .string()
  .min(1, 'must not be empty')
  .refine((v) => isBase64(v), 'must be standard base64');

/** CreateKey. The emulator defaults an absent keyType. */
export const createKeyRequestSchema = z
  .object({
    name: keyNameSchema,
    keyType: keyTypeSchema.optional(),
    description: descriptionSchema.optional(),
    labels: labelsSchema.optional(),
    annotations: annotationsSchema.optional(),
    exportAllowed: z.boolean().optional(),
    keyRotationEnabled: z.boolean().optional(),
    rotationPeriodInDays: rotationPeriodSchema.optional(),
    importKeyMaterial: base64StringSchema.optional(),
    hashFunction: byokHashFunctionSchema.optional(),
    allowRotation: z.boolean().optional(),
  })
  .superRefine((req, ctx) => {
    if (req.keyRotationEnabled === true && req.rotationPeriodInDays === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['rotationPeriodInDays'],
        message: 'Rotation period is required when rotation is enabled',
      });
    }
    if (req.importKeyMaterial !== undefined && req.keyType && isHmacKeyType(req.keyType)) {
      ctx.addIssue({
        code: 'custom',
        path: ['importKeyMaterial'],
        message: 'HMAC keys cannot be imported',
      });
    }
  });
export type CreateKeyRequest = z.infer<typeof createKeyRequestSchema>;

/** UpdateRotation: at least one field. */
/** `{}` is valid and changes nothing (Terraform sends it; docs/emulator.md, "Rotation"). */
export const updateRotationRequestSchema = z.object({
  keyRotationEnabled: z.boolean().optional(),
  rotationPeriodInDays: rotationPeriodSchema.optional(),
});
export type UpdateRotationRequest = z.infer<typeof updateRotationRequestSchema>;

export const encryptRequestSchema = z.object({
  plaintext: cryptoInputSchema,
  keyVersion: versionStringSchema.optional(),
});
export type EncryptRequest = z.infer<typeof encryptRequestSchema>;

export const decryptRequestSchema = z.object({
  ciphertext: thalassaStringSchema,
});
export type DecryptRequest = z.infer<typeof decryptRequestSchema>;

export const signRequestSchema = z.object({
  input: cryptoInputSchema,
  keyVersion: versionStringSchema.optional(),
  hashAlgorithm: hashAlgorithmSchema.optional(),
  prehashed: z.boolean().optional(),
  /** Only empty is accepted: Ed25519ctx is not offered (section 5). */
  context: z.string().max(0, 'context is not supported (Ed25519ctx is not offered)').optional(),
});
export type SignRequest = z.infer<typeof signRequestSchema>;

export const verifyRequestSchema = z.object({
  input: cryptoInputSchema,
  signature: thalassaStringSchema,
  hashAlgorithm: hashAlgorithmSchema.optional(),
  prehashed: z.boolean().optional(),
});
export type VerifyRequest = z.infer<typeof verifyRequestSchema>;

export const hmacRequestSchema = z.object({
  input: cryptoInputSchema,
  keyVersion: versionStringSchema.optional(),
  algorithm: hashAlgorithmSchema.optional(),
});
export type HmacRequest = z.infer<typeof hmacRequestSchema>;

export const verifyHmacRequestSchema = z.object({
  input: cryptoInputSchema,
  hmac: thalassaStringSchema,
  hashAlgorithm: hashAlgorithmSchema.optional(),
});
export type VerifyHmacRequest = z.infer<typeof verifyHmacRequestSchema>;

export const exportRequestSchema = z.object({
  keyVersion: versionStringSchema.optional(),
});
export type ExportRequest = z.infer<typeof exportRequestSchema>;

/** Query of `GET .../public-key`. */
export const publicKeyQuerySchema = z.object({
  version: versionStringSchema.optional(),
});

/** List filters: exact match, ANDed; `matchLabels[<key>]=<value>` becomes `matchLabels`. */
export const keyListFiltersSchema = z.object({
  name: z.string().optional(),
  slug: z.string().optional(),
  identity: z.string().optional(),
  status: keyStatusSchema.optional(),
  keyType: keyTypeSchema.optional(),
  matchLabels: z.record(z.string(), z.string()).optional(),
});
export type KeyListFilters = z.infer<typeof keyListFiltersSchema>;

/** Parses list filters from URL search params (unknown parameters ignored). */
export function keyListFiltersFromSearchParams(params: URLSearchParams) {
  const raw: Record<string, unknown> = {};
  const matchLabels: Record<string, string> = {};
  for (const [k, v] of params) {
    const m = /^matchLabels\[(.+)\]$/.exec(k);
    if (m && m[1]) matchLabels[m[1]] = v;
    else if (['name', 'slug', 'identity', 'status', 'keyType'].includes(k)) raw[k] = v;
  }
  if (Object.keys(matchLabels).length > 0) raw.matchLabels = matchLabels;
  return keyListFiltersSchema.safeParse(raw);
}

/** Serialises list filters to the query string the API expects. */
export function keyListFiltersToSearchParams(filters: KeyListFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const k of ['name', 'slug', 'identity', 'status', 'keyType'] as const) {
    const v = filters[k];
    if (v !== undefined && v !== '') params.set(k, v);
  }
  for (const [k, v] of Object.entries(filters.matchLabels ?? {}))
    params.set(`matchLabels[${k}]`, v);
  return params;
}

/** Emulator test control (only with --test-controls). */
export const clockAdvanceRequestSchema = z.object({
  advanceDays: z.number().min(0).max(36500).optional(),
  advanceHours: z.number().min(0).max(876000).optional(),
});
