import { z } from 'zod';

/** Key list URL state: filters, search, sort (issue 4 fills this in). */
export const keyListSearchSchema = z.object({
  q: z.string().optional(),
});
export type KeyListSearch = z.infer<typeof keyListSearchSchema>;
