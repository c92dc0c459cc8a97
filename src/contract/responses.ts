import { z } from 'zod';
import { versionStringSchema } from './requests';

export const encryptResponseSchema = z.object({
  ciphertext: z.string(),
  keyVersion: versionStringSchema,
});
export const decryptResponseSchema = z.object({
  plaintext: z.string(),
  keyVersion: versionStringSchema,
});
export const signResponseSchema = z.object({
  signature: z.string(),
  keyVersion: versionStringSchema,
});
export const verifyResponseSchema = z.object({ valid: z.boolean() });
export const hmacResponseSchema = z.object({ hmac: z.string(), keyVersion: versionStringSchema });
export const verifyHmacResponseSchema = z.object({
  valid: z.boolean(),
  keyVersion: versionStringSchema.optional(),
});
export const publicKeyResponseSchema = z.object({
  keys: z.record(z.string().regex(/^[1-9][0-9]*$/), z.string()),
});
export const exportResponseSchema = z.object({
  keyMaterial: z.string(),
  keyVersion: versionStringSchema,
});
export const wrappingKeyResponseSchema = z.object({
  publicKey: z.string(),
  algorithm: z.string(),
});

export type EncryptResponse = z.infer<typeof encryptResponseSchema>;
export type DecryptResponse = z.infer<typeof decryptResponseSchema>;
export type SignResponse = z.infer<typeof signResponseSchema>;
export type VerifyResponse = z.infer<typeof verifyResponseSchema>;
export type HmacResponse = z.infer<typeof hmacResponseSchema>;
export type VerifyHmacResponse = z.infer<typeof verifyHmacResponseSchema>;
export type PublicKeyResponse = z.infer<typeof publicKeyResponseSchema>;
export type ExportResponse = z.infer<typeof exportResponseSchema>;
export type WrappingKeyResponse = z.infer<typeof wrappingKeyResponseSchema>;
