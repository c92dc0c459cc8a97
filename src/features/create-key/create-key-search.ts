import { z } from 'zod';

/** The wizard's steps in order; "material" appears only for imported (BYOK) keys. */
export const CREATE_KEY_STEPS = [
  'type',
  'details',
  'rotation',
  'export',
  'material',
  'review',
] as const;
export const createKeyStepSchema = z.enum(CREATE_KEY_STEPS);
export type CreateKeyStep = z.infer<typeof createKeyStepSchema>;

/** The wizard's current step lives in the URL (`?step=details`); unknown values fall back. */
export const createKeySearchSchema = z.object({
  step: createKeyStepSchema.optional().catch(undefined),
});
export type CreateKeySearch = z.infer<typeof createKeySearchSchema>;
