import { z } from 'zod';
import { MAX_BODY_BYTES } from './base64';
import { ENDPOINTS } from './endpoints';
import type { EndpointName, EndpointSpec } from './endpoints';
import { errorBodySchema, keyListSchema, keySchema } from './objects';
import { ERROR_EXAMPLE, REQUEST_EXAMPLES, RESPONSE_EXAMPLES } from './openapi-examples';

/**
 * The OpenAPI 3.1 document of the KMS API, generated from the zod contract (`ENDPOINTS`) with
 * `z.toJSONSchema`. Pure: the emulator builds it once at start and serves it at `OPENAPI_PATH`.
 * Refinements that JSON Schema cannot express (base64 checks, safe text, cross-field rules) are
 * enforced by the API but absent here; docs/emulator.md, "OpenAPI document".
 */
export const OPENAPI_PATH = '/v1/openapi.json';

type Json = Record<string, unknown>;

const OPERATIONS: Record<EndpointName, { summary: string; tag: string }> = {
  summary: { summary: 'KMS summary: key counts per region', tag: 'Keys' },
  listKeys: { summary: 'List the keys of a region (exact-match filters)', tag: 'Keys' },
  createKey: { summary: 'Create a key (or import one: BYOK)', tag: 'Keys' },
  getKey: { summary: 'Get a key by identity or slug', tag: 'Keys' },
  deleteKey: { summary: 'Schedule the deletion of a key', tag: 'Lifecycle' },
  cancelDeletion: { summary: 'Cancel a scheduled deletion', tag: 'Lifecycle' },
  disableKey: { summary: 'Disable a key', tag: 'Lifecycle' },
  enableKey: { summary: 'Enable a disabled key', tag: 'Lifecycle' },
  rotateKey: { summary: 'Rotate: add a new latest version', tag: 'Lifecycle' },
  updateRotation: { summary: 'Change automatic rotation', tag: 'Lifecycle' },
  encrypt: { summary: 'Encrypt (symmetric and RSA keys)', tag: 'Crypto' },
  decrypt: { summary: 'Decrypt a thalassa:v<N>: ciphertext', tag: 'Crypto' },
  sign: { summary: 'Sign (RSA, ECDSA, Ed25519 keys)', tag: 'Crypto' },
  verify: { summary: 'Verify a signature', tag: 'Crypto' },
  hmac: { summary: 'Compute an HMAC (HMAC keys)', tag: 'Crypto' },
  verifyHmac: { summary: 'Verify an HMAC', tag: 'Crypto' },
  publicKey: { summary: 'Public keys of an asymmetric key, by version', tag: 'Crypto' },
  exportKey: { summary: 'Export key material (keys created with exportAllowed)', tag: 'Crypto' },
  wrappingKey: { summary: "The region's BYOK wrapping key", tag: 'BYOK' },
  audit: { summary: "The organisation's audit log, newest first", tag: 'Audit' },
};

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
const schemaRef = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const NAMED_RESPONSES = new Map<z.ZodType, string>([
  [keySchema, 'Key'],
  [keyListSchema, 'KeyList'],
  [errorBodySchema, 'Error'],
]);
const responseSchemaId = (name: string, spec: EndpointSpec) =>
  NAMED_RESPONSES.get(spec.response) ?? `${pascal(name)}Response`;
const requestSchemaId = (name: string) => `${pascal(name)}Request`;

/** JSON Schemas of the given zod schemas, shared parts as `$ref`s to each other. */
function componentSchemas(entries: [string, z.ZodType][], io: 'input' | 'output'): Json {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of entries) if (!registry.has(schema)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    io,
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
    // Answers may gain fields (clients ignore unknown ones), as requests may carry extra ones.
    override: (ctx) => {
      if (ctx.jsonSchema.additionalProperties === false) delete ctx.jsonSchema.additionalProperties;
    },
  });
  const out: Json = {};
  for (const [id, schema] of Object.entries(schemas)) {
    const rest: Json = { ...schema };
    delete rest.$schema;
    delete rest.$id;
    out[id] = rest;
  }
  return out;
}

function allSchemas(endpoints: [string, EndpointSpec][]): Json {
  const requests = endpoints.flatMap(([name, spec]): [string, z.ZodType][] =>
    spec.body ? [[requestSchemaId(name), spec.body]] : [],
  );
  const responses: [string, z.ZodType][] = [
    ['Error', errorBodySchema],
    ...endpoints.map(([name, spec]): [string, z.ZodType] => [
      responseSchemaId(name, spec),
      spec.response,
    ]),
  ];
  return { ...componentSchemas(requests, 'input'), ...componentSchemas(responses, 'output') };
}

/** Each property of a query schema as one query parameter. */
function queryParameters(query: z.ZodType | null): Json[] {
  if (!query) return [];
  const schema = z.toJSONSchema(query, { io: 'input', unrepresentable: 'any' }) as Json;
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema: property,
    // `matchLabels[team]=payments`: one parameter per map entry.
    ...(property.type === 'object' ? { style: 'deepObject', explode: true } : {}),
  }));
}

const param = (id: string) => ({ $ref: `#/components/parameters/${id}` });
const errorRef = (status: number) => ({ $ref: `#/components/responses/Error${status}` });

function errorResponses(spec: EndpointSpec, name: string): Json {
  const statuses = [400, 401, 404];
  if (name !== 'summary') statuses.push(403);
  if (name === 'createKey') statuses.push(409);
  if (spec.body) statuses.push(413);
  if (spec.path.includes('{region}')) statuses.push(503);
  return Object.fromEntries(statuses.sort().map((s) => [String(s), errorRef(s)]));
}

function operation(name: EndpointName, spec: EndpointSpec): Json {
  const pathParams = ['region', 'id'].filter((p) => spec.path.includes(`{${p}}`));
  const requestExample = (REQUEST_EXAMPLES as Partial<Record<EndpointName, unknown>>)[name];
  return {
    operationId: name,
    summary: OPERATIONS[name].summary,
    tags: [OPERATIONS[name].tag],
    parameters: [
      ...pathParams.map((p) => param(p === 'id' ? 'KeyId' : 'Region')),
      param('OrganisationIdentity'),
      param('ProjectIdentity'),
      ...queryParameters(spec.query),
    ],
    ...(spec.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: schemaRef(requestSchemaId(name)),
                ...(requestExample !== undefined ? { example: requestExample } : {}),
              },
            },
          },
        }
      : {}),
    responses: {
      [String(spec.successStatus)]: {
        description: 'Success',
        content: {
          'application/json': {
            schema: schemaRef(responseSchemaId(name, spec)),
            example: RESPONSE_EXAMPLES[name],
          },
        },
      },
      ...errorResponses(spec, name),
    },
  };
}

const ERROR_WHEN: Record<number, string> = {
  400: 'Missing X-Organisation-Identity, invalid body or field, or the wrong state or key type',
  401: 'Missing or unknown token',
  403: 'KMS is not enabled for the organisation',
  404: 'Organisation, project, region or key not found (also: no permission)',
  409: 'A key with this slug exists in the scope',
  413: `Request body over ${MAX_BODY_BYTES} bytes`,
  503: 'KMS is not available in the region',
};

function components(endpoints: [string, EndpointSpec][]): Json {
  const header = (name: string, required: boolean, description: string) => ({
    name,
    in: 'header',
    required,
    description,
    schema: { type: 'string' },
  });
  return {
    schemas: allSchemas(endpoints),
    parameters: {
      Region: { name: 'region', in: 'path', required: true, schema: { type: 'string' } },
      KeyId: {
        name: 'id',
        in: 'path',
        required: true,
        description: 'Key identity (kms-...) or slug',
        schema: { type: 'string' },
      },
      OrganisationIdentity: header('X-Organisation-Identity', true, 'Identity or slug'),
      ProjectIdentity: header('X-Project-Identity', false, 'Project scope instead of org scope'),
    },
    responses: Object.fromEntries(
      Object.entries(ERROR_WHEN).map(([status, description]) => [
        `Error${status}`,
        {
          description,
          content: { 'application/json': { schema: schemaRef('Error'), example: ERROR_EXAMPLE } },
        },
      ]),
    ),
    securitySchemes: {
      bearerAuth: {
        type: 'http',
        scheme: 'bearer',
        description: '`Authorization: Bearer <token>`; `Token <token>` is accepted too',
      },
    },
  };
}

const OPENAPI_OPERATION = {
  operationId: 'openApi',
  summary: 'This document (no token needed)',
  tags: ['Meta'],
  security: [],
  responses: {
    '200': {
      description: 'The OpenAPI 3.1 document',
      content: { 'application/json': { schema: { type: 'object' } } },
    },
  },
};

/** The OpenAPI 3.1 document of every endpoint in `ENDPOINTS`, plus the document's own path. */
export function buildOpenApiDocument(): Json {
  const endpoints = Object.entries(ENDPOINTS) as [EndpointName, EndpointSpec][];
  const paths: Record<string, Json> = { [OPENAPI_PATH]: { get: OPENAPI_OPERATION } };
  for (const [name, spec] of endpoints) {
    paths[spec.path] = { ...paths[spec.path], [spec.method.toLowerCase()]: operation(name, spec) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Thalassa Cloud KMS API (local emulator)',
      version: '1.0.0',
      description:
        'The KMS API as the console and the emulator implement it, generated from their shared ' +
        'schemas. Public documentation: https://docs.thalassa.cloud/docs/kms/',
    },
    servers: [{ url: '/' }],
    security: [{ bearerAuth: [] }],
    tags: ['Keys', 'Lifecycle', 'Crypto', 'BYOK', 'Audit', 'Meta'].map((name) => ({ name })),
    paths,
    components: components(endpoints),
  };
}
