import { z } from 'zod';
import { rotationPeriodSchema, type Key, type UpdateRotationRequest } from '@/contract';

/** Presets offered next to the period field (days). */
export const ROTATION_PRESETS = [30, 90, 180, 365] as const;

export const PERIOD_REQUIRED_MESSAGE = 'Rotation period is required when rotation is on';

/** Parses the period text with the contract's rules; an unparseable text fails its type check. */
function parsePeriod(text: string) {
  const trimmed = text.trim();
  const n = /^[+-]?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  return rotationPeriodSchema.safeParse(n);
}

/**
 * The rotation form: the same rules as the contract (rotationPeriodSchema: integer within its
 * bounds; required when rotation is on), producing the UpdateRotation body.
 */
export const rotationFormSchema = z
  .object({
    keyRotationEnabled: z.boolean(),
    rotationPeriodInDays: z.string(),
  })
  .superRefine((values, ctx) => {
    if (values.rotationPeriodInDays.trim() === '') {
      if (values.keyRotationEnabled)
        ctx.addIssue({
          code: 'custom',
          path: ['rotationPeriodInDays'],
          message: PERIOD_REQUIRED_MESSAGE,
        });
      return;
    }
    const parsed = parsePeriod(values.rotationPeriodInDays);
    if (!parsed.success) {
      ctx.addIssue({
        code: 'custom',
        path: ['rotationPeriodInDays'],
        message: parsed.error.issues[0]?.message ?? 'Invalid rotation period',
      });
    }
  })
  .transform((values): UpdateRotationRequest => {
    const parsed = parsePeriod(values.rotationPeriodInDays);
    return parsed.success
      ? { keyRotationEnabled: values.keyRotationEnabled, rotationPeriodInDays: parsed.data }
      : { keyRotationEnabled: values.keyRotationEnabled };
  });

export type RotationFormValues = z.input<typeof rotationFormSchema>;

export function rotationFormDefaults(key: Key): RotationFormValues {
  return {
    keyRotationEnabled: key.keyRotationEnabled,
    rotationPeriodInDays:
      key.rotationPeriodInDays !== undefined ? String(key.rotationPeriodInDays) : '',
  };
}

/** The period when the text is a valid period, else undefined (for the live preview). */
export function previewPeriod(text: string): number | undefined {
  const parsed = parsePeriod(text);
  return parsed.success ? parsed.data : undefined;
}
