import { z } from 'zod';

/** The wizard's current step lives in the URL (issue 6 fills in the steps). */
export const createKeySearchSchema = z.object({
  step: z.string().optional(),
});
export type CreateKeySearch = z.infer<typeof createKeySearchSchema>;
