import { z } from 'zod';
import {
  annotationValueError,
  base64DecodedLength,
  byokHashFunctionSchema,
  DEFAULT_KEY_TYPE,
  descriptionSchema,
  isBase64,
  isHmacKeyType,
  keyNameSchema,
  keyTypeSchema,
  labelKeyError,
  labelValueError,
  MAX_MAP_ENTRIES,
  WRAPPING_KEY_RSA_BYTES,
} from '@/contract';
import { base64ToBytes } from '@/lib/encoding';
import { rotationPeriodError } from '@/lib/rotation-period';
import type { CreateKeyStep } from '../create-key-search';

export const KEY_ORIGINS = ['generated', 'imported'] as const;
export type KeyOrigin = (typeof KEY_ORIGINS)[number];

const mapRowSchema = z.object({ key: z.string(), value: z.string() });

/**
 * The shape of the wizard's one form. Deliberately loose: every rule lives in the step checks
 * below (built from the contract), so each step can be validated on its own.
 */
export const createKeyFormShape = z.object({
  origin: z.enum(KEY_ORIGINS),
  keyType: z.union([keyTypeSchema, z.literal('')]),
  name: z.string(),
  description: z.string(),
  labels: z.array(mapRowSchema),
  annotations: z.array(mapRowSchema),
  keyRotationEnabled: z.boolean(),
  /** Kept as typed text; parsed with the console's one period rule (lib/rotation-period). */
  rotationPeriodInDays: z.string(),
  allowRotation: z.boolean(),
  exportAllowed: z.boolean(),
  hashFunction: byokHashFunctionSchema,
  importKeyMaterial: z.string(),
});
export type CreateKeyFormValues = z.infer<typeof createKeyFormShape>;
export type MapRow = z.infer<typeof mapRowSchema>;
export type CreateKeyFieldName = keyof CreateKeyFormValues;

export const DEFAULT_FORM_VALUES: CreateKeyFormValues = {
  origin: 'generated',
  keyType: DEFAULT_KEY_TYPE,
  name: '',
  description: '',
  labels: [],
  annotations: [],
  keyRotationEnabled: false,
  rotationPeriodInDays: '',
  allowRotation: false,
  exportAllowed: false,
  hashFunction: 'sha256',
  importKeyMaterial: '',
};

/** Rows the user left completely blank are ignored (not sent, not checked). */
export function filledRows(rows: readonly MapRow[]): MapRow[] {
  return rows.filter((r) => r.key !== '' || r.value !== '');
}

/** Whitespace (line breaks from `base64 -w76`) is not part of the material. */
export function normaliseBase64(value: string): string {
  return value.replace(/\s+/g, '');
}

type Ctx = z.RefinementCtx;
type Values = CreateKeyFormValues;

function firstIssue(result: { success: boolean; error?: z.ZodError }): string | null {
  return result.success ? null : (result.error?.issues[0]?.message ?? 'Invalid value');
}

function add(ctx: Ctx, path: (string | number)[], message: string) {
  ctx.addIssue({ code: 'custom', path, message });
}

function checkOriginAndType(v: Values, ctx: Ctx) {
  if (v.keyType === '') {
    add(ctx, ['keyType'], 'Choose a key type');
    return;
  }
  if (v.origin === 'imported' && isHmacKeyType(v.keyType)) {
    add(
      ctx,
      ['keyType'],
      'HMAC keys cannot be imported: the platform always generates HMAC key material',
    );
  }
}

/** Per-row label/annotation errors, with the contract's Kubernetes-style rules. */
export function mapRowErrors(
  rows: readonly MapRow[],
  kind: 'label' | 'annotation',
): { key?: string; value?: string }[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    if (row.key === '' && row.value === '') return {};
    const out: { key?: string; value?: string } = {};
    const keyError = labelKeyError(row.key);
    if (keyError) out.key = keyError;
    else if (seen.has(row.key)) out.key = `Duplicate key "${row.key}"`;
    seen.set(row.key, (seen.get(row.key) ?? 0) + 1);
    const valueError =
      kind === 'label' ? labelValueError(row.value) : annotationValueError(row.value);
    if (valueError) out.value = valueError;
    return out;
  });
}

function checkMap(v: Values, ctx: Ctx, field: 'labels' | 'annotations') {
  const kind = field === 'labels' ? 'label' : 'annotation';
  const rows = v[field];
  const count = filledRows(rows).length;
  if (count > MAX_MAP_ENTRIES) {
    add(ctx, [field], `At most ${MAX_MAP_ENTRIES} ${kind}s are allowed (got ${count})`);
  }
  mapRowErrors(rows, kind).forEach((err, i) => {
    if (err.key) add(ctx, [field, i, 'key'], err.key);
    if (err.value) add(ctx, [field, i, 'value'], err.value);
  });
}

function checkDetails(v: Values, ctx: Ctx) {
  const nameError = firstIssue(keyNameSchema.safeParse(v.name.trim()));
  if (nameError) add(ctx, ['name'], nameError);
  const descriptionError = firstIssue(descriptionSchema.safeParse(v.description));
  if (descriptionError) add(ctx, ['description'], descriptionError);
  checkMap(v, ctx, 'labels');
  checkMap(v, ctx, 'annotations');
}

function checkRotation(v: Values, ctx: Ctx) {
  if (v.keyRotationEnabled) {
    const periodError = rotationPeriodError(v.rotationPeriodInDays, true);
    if (periodError) add(ctx, ['rotationPeriodInDays'], periodError);
    if (v.origin === 'imported' && !v.allowRotation) {
      add(
        ctx,
        ['allowRotation'],
        'An imported key can rotate only when rotation is allowed: turn on "Allow rotation" or turn off automatic rotation',
      );
    }
  }
}

/** Decoded size a wrapped blob must at least have: the RSA-4096 part plus one KWP block pair. */
export const MIN_WRAPPED_BYTES = WRAPPING_KEY_RSA_BYTES + 16;

/**
 * Whether bytes are exactly one DER SEQUENCE: an unwrapped PKCS#8 private key looks like this,
 * wrapped material (RSA-OAEP output first) practically never does.
 */
export function isBareDerSequence(bytes: Uint8Array): boolean {
  if (bytes.length < 2 || bytes[0] !== 0x30) return false;
  const first = bytes[1] ?? 0;
  if (first < 0x80) return 2 + first === bytes.length;
  const octets = first & 0x7f;
  if (octets < 1 || octets > 3 || bytes.length < 2 + octets) return false;
  let length = 0;
  for (let i = 0; i < octets; i++) length = length * 256 + (bytes[2 + i] ?? 0);
  return 2 + octets + length === bytes.length;
}

function checkMaterial(v: Values, ctx: Ctx) {
  if (v.origin !== 'imported') return;
  const hash = byokHashFunctionSchema.safeParse(v.hashFunction);
  if (!hash.success) add(ctx, ['hashFunction'], 'Choose the hash function you wrapped with');
  const material = normaliseBase64(v.importKeyMaterial);
  if (material === '') {
    add(ctx, ['importKeyMaterial'], 'Paste the wrapped key material (base64)');
    return;
  }
  if (!isBase64(material)) {
    add(
      ctx,
      ['importKeyMaterial'],
      'Wrapped key material must be standard base64 (A-Z, a-z, 0-9, "+", "/" and "=" padding); a PEM file or raw key is not accepted',
    );
    return;
  }
  if (isBareDerSequence(base64ToBytes(material))) {
    add(
      ctx,
      ['importKeyMaterial'],
      'This looks like an unwrapped private key (DER). Never paste raw key material: wrap it first with the steps above and paste the wrapped result.',
    );
    return;
  }
  const bytes = base64DecodedLength(material);
  if (bytes < MIN_WRAPPED_BYTES || (bytes - WRAPPING_KEY_RSA_BYTES) % 8 !== 0) {
    add(
      ctx,
      ['importKeyMaterial'],
      `This is not wrapped material: it decodes to ${bytes} bytes, but wrapped material is ${WRAPPING_KEY_RSA_BYTES} bytes of RSA-OAEP followed by AES-KWP output (at least 16 bytes, a multiple of 8). Never paste raw key material here.`,
    );
  }
}

const CHECKS: Record<CreateKeyStep, (v: Values, ctx: Ctx) => void> = {
  type: checkOriginAndType,
  details: checkDetails,
  rotation: checkRotation,
  export: () => undefined,
  material: checkMaterial,
  review: () => undefined,
};

/** The schema of one step: only that step's rules. */
export function stepSchema(step: CreateKeyStep) {
  return createKeyFormShape.superRefine((v, ctx) => CHECKS[step](v, ctx));
}

/** The whole form's schema (the zod resolver's): every step's rules. */
export const createKeyFormSchema = createKeyFormShape.superRefine((v, ctx) => {
  for (const check of Object.values(CHECKS)) check(v, ctx);
});
