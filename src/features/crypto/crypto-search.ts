import { z } from 'zod';

/** The crypto tab's operation lives in the URL (issue 7 fills this in). */
export const cryptoSearchSchema = z.object({
  op: z.string().optional(),
});
export type CryptoSearch = z.infer<typeof cryptoSearchSchema>;
