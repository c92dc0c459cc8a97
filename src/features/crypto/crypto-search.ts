import { z } from 'zod';

/** The crypto tab's tools; the chosen one lives in the URL (`?op=encrypt`), never its data. */
export const CRYPTO_OPERATIONS = [
  'encrypt',
  'decrypt',
  'sign',
  'verify',
  'hmac',
  'verify-hmac',
  'inspect',
] as const;
export const cryptoOperationSchema = z.enum(CRYPTO_OPERATIONS);
export type CryptoOperation = z.infer<typeof cryptoOperationSchema>;

/**
 * Search of the key page's tab route. Only the operation: inputs and outputs never enter the URL.
 * An unknown value is dropped rather than failing the whole key page.
 */
export const cryptoSearchSchema = z.object({
  op: cryptoOperationSchema.optional().catch(undefined),
});
export type CryptoSearch = z.infer<typeof cryptoSearchSchema>;
