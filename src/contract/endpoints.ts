import type { z } from 'zod';
import { auditPageSchema, auditQuerySchema } from './audit';
import { keyListSchema, keySchema, summarySchema } from './objects';
import {
  createKeyRequestSchema,
  decryptRequestSchema,
  encryptRequestSchema,
  exportRequestSchema,
  hmacRequestSchema,
  keyListFiltersSchema,
  publicKeyQuerySchema,
  signRequestSchema,
  updateRotationRequestSchema,
  verifyHmacRequestSchema,
  verifyRequestSchema,
} from './requests';
import {
  decryptResponseSchema,
  encryptResponseSchema,
  exportResponseSchema,
  hmacResponseSchema,
  publicKeyResponseSchema,
  signResponseSchema,
  verifyHmacResponseSchema,
  verifyResponseSchema,
  wrappingKeyResponseSchema,
} from './responses';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface EndpointSpec {
  /** Endpoint table row, 1-19; 0 is the platform audit log (docs/emulator.md, "Endpoints"). */
  row: number;
  name: string;
  method: HttpMethod;
  /** Path template with `{region}` and `{id}` placeholders. */
  path: string;
  /** Body schema, or null for requests without a body. */
  body: z.ZodType | null;
  /** Query schema, or null where the endpoint takes no query. */
  query: z.ZodType | null;
  response: z.ZodType;
  successStatus: 200 | 201;
}

/** Every KMS API endpoint (docs/emulator.md, "Endpoints") with its request and response schemas. */
export const ENDPOINTS = {
  summary: {
    row: 1,
    name: 'summary',
    method: 'GET',
    path: '/v1/kms/summary',
    body: null,
    query: null,
    response: summarySchema,
    successStatus: 200,
  },
  listKeys: {
    row: 2,
    name: 'listKeys',
    method: 'GET',
    path: '/v1/kms/{region}/keys',
    body: null,
    query: keyListFiltersSchema,
    response: keyListSchema,
    successStatus: 200,
  },
  createKey: {
    row: 3,
    name: 'createKey',
    method: 'POST',
    path: '/v1/kms/{region}/keys',
    body: createKeyRequestSchema,
    query: null,
    response: keySchema,
    successStatus: 201,
  },
  getKey: {
    row: 4,
    name: 'getKey',
    method: 'GET',
    path: '/v1/kms/{region}/keys/{id}',
    body: null,
    query: null,
    response: keySchema,
    successStatus: 200,
  },
  deleteKey: {
    row: 5,
    name: 'deleteKey',
    method: 'DELETE',
    path: '/v1/kms/{region}/keys/{id}',
    body: null,
    query: null,
    response: keySchema,
    successStatus: 200,
  },
  cancelDeletion: {
    row: 6,
    name: 'cancelDeletion',
    method: 'DELETE',
    path: '/v1/kms/{region}/keys/{id}/cancel-deletion',
    body: null,
    query: null,
    response: keySchema,
    successStatus: 200,
  },
  disableKey: {
    row: 7,
    name: 'disableKey',
    method: 'POST',
    path: '/v1/kms/{region}/keys/{id}/disable',
    body: null,
    query: null,
    response: keySchema,
    successStatus: 200,
  },
  enableKey: {
    row: 8,
    name: 'enableKey',
    method: 'POST',
    path: '/v1/kms/{region}/keys/{id}/enable',
    body: null,
    query: null,
    response: keySchema,
    successStatus: 200,
  },
  rotateKey: {
    row: 9,
    name: 'rotateKey',
    method: 'POST',
    path: '/v1/kms/{region}/keys/{id}/rotate',
    body: null,
    query: null,
    response: keySchema,
    successStatus: 200,
  },
  updateRotation: {
    row: 10,
    name: 'updateRotation',
    method: 'PATCH',
    path: '/v1/kms/{region}/keys/{id}/rotation',
    body: updateRotationRequestSchema,
    query: null,
    response: keySchema,
    successStatus: 200,
  },
  encrypt: {
    row: 11,
    name: 'encrypt',
    method: 'POST',
    path: '/v1/kms/{region}/keys/{id}/encrypt',
    body: encryptRequestSchema,
    query: null,
    response: encryptResponseSchema,
    successStatus: 200,
  },
  decrypt: {
    row: 12,
    name: 'decrypt',
    method: 'POST',
    path: '/v1/kms/{region}/keys/{id}/decrypt',
    body: decryptRequestSchema,
    query: null,
    response: decryptResponseSchema,
    successStatus: 200,
  },
  sign: {
    row: 13,
    name: 'sign',
    method: 'POST',
    path: '/v1/kms/{region}/keys/{id}/sign',
    body: signRequestSchema,
    query: null,
    response: signResponseSchema,
    successStatus: 200,
  },
  verify: {
    row: 14,
    name: 'verify',
    method: 'POST',
    path: '/v1/kms/{region}/keys/{id}/verify',
    body: verifyRequestSchema,
    query: null,
    response: verifyResponseSchema,
    successStatus: 200,
  },
  hmac: {
    row: 15,
    name: 'hmac',
    method: 'POST',
    path: '/v1/kms/{region}/keys/{id}/hmac',
    body: hmacRequestSchema,
    query: null,
    response: hmacResponseSchema,
    successStatus: 200,
  },
  verifyHmac: {
    row: 16,
    name: 'verifyHmac',
    method: 'POST',
    path: '/v1/kms/{region}/keys/{id}/verify-hmac',
    body: verifyHmacRequestSchema,
    query: null,
    response: verifyHmacResponseSchema,
    successStatus: 200,
  },
  publicKey: {
    row: 17,
    name: 'publicKey',
    method: 'GET',
    path: '/v1/kms/{region}/keys/{id}/public-key',
    body: null,
    query: publicKeyQuerySchema,
    response: publicKeyResponseSchema,
    successStatus: 200,
  },
  exportKey: {
    row: 18,
    name: 'exportKey',
    method: 'POST',
    path: '/v1/kms/{region}/keys/{id}/export',
    body: exportRequestSchema,
    query: null,
    response: exportResponseSchema,
    successStatus: 200,
  },
  wrappingKey: {
    row: 19,
    name: 'wrappingKey',
    method: 'GET',
    path: '/v1/kms/{region}/wrapping-key',
    body: null,
    query: null,
    response: wrappingKeyResponseSchema,
    successStatus: 200,
  },
  audit: {
    row: 0,
    name: 'audit',
    method: 'GET',
    path: '/v1/audit',
    body: null,
    query: auditQuerySchema,
    response: auditPageSchema,
    successStatus: 200,
  },
} as const satisfies Record<string, EndpointSpec>;

export type EndpointName = keyof typeof ENDPOINTS;

/**
 * Fills `{region}` and `{id}` in a path template, URL-encoding each value. A value of "." or ".."
 * is refused: URL parsers resolve it as a dot segment (even percent-encoded), which would send
 * the request to another endpoint.
 */
export function buildPath(template: string, params: { region?: string; id?: string } = {}): string {
  return template.replace(/\{(region|id)\}/g, (_, name: 'region' | 'id') => {
    const value = params[name];
    if (value === undefined || value === '') throw new Error(`Missing path parameter ${name}`);
    if (value === '.' || value === '..')
      throw new Error(`Invalid path parameter ${name}: "${value}"`);
    return encodeURIComponent(value);
  });
}
