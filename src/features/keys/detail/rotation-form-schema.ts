import { z } from 'zod';
import type { Key, UpdateRotationRequest } from '@/contract';
import { parseRotationPeriod, rotationPeriodError } from '@/lib/rotation-period';

/**
 * The rotation form: the console's one period rule (`@/lib/rotation-period`), producing the
 * UpdateRotation body. With rotation off an unreadable period does not block and is not sent.
 */
export const rotationFormSchema = z
  .object({
    keyRotationEnabled: z.boolean(),
    rotationPeriodInDays: z.string(),
  })
  .superRefine((values, ctx) => {
    const message = rotationPeriodError(values.rotationPeriodInDays, values.keyRotationEnabled);
    if (message) ctx.addIssue({ code: 'custom', path: ['rotationPeriodInDays'], message });
  })
  .transform((values): UpdateRotationRequest => {
    const parsed = parseRotationPeriod(values.rotationPeriodInDays);
    return parsed.ok
      ? { keyRotationEnabled: values.keyRotationEnabled, rotationPeriodInDays: parsed.days }
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
