import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildPath, ENDPOINTS, type EndpointSpec } from './endpoints';
import { keyListSchema, keySchema, summarySchema } from './objects';
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

/**
 * The 19 endpoints of the KMS API, written out by hand as the reference copy (docs/emulator.md,
 * "Endpoints"): [row, method, path with optional query, takes a body].
 */
const SECTION_2: [row: number, method: string, path: string, hasBody: boolean][] = [
  [1, 'GET', '/v1/kms/summary', false],
  [2, 'GET', '/v1/kms/{region}/keys', false],
  [3, 'POST', '/v1/kms/{region}/keys', true],
  [4, 'GET', '/v1/kms/{region}/keys/{id}', false],
  [5, 'DELETE', '/v1/kms/{region}/keys/{id}', false],
  [6, 'DELETE', '/v1/kms/{region}/keys/{id}/cancel-deletion', false],
  [7, 'POST', '/v1/kms/{region}/keys/{id}/disable', false],
  [8, 'POST', '/v1/kms/{region}/keys/{id}/enable', false],
  [9, 'POST', '/v1/kms/{region}/keys/{id}/rotate', false],
  [10, 'PATCH', '/v1/kms/{region}/keys/{id}/rotation', true],
  [11, 'POST', '/v1/kms/{region}/keys/{id}/encrypt', true],
  [12, 'POST', '/v1/kms/{region}/keys/{id}/decrypt', true],
  [13, 'POST', '/v1/kms/{region}/keys/{id}/sign', true],
  [14, 'POST', '/v1/kms/{region}/keys/{id}/verify', true],
  [15, 'POST', '/v1/kms/{region}/keys/{id}/hmac', true],
  [16, 'POST', '/v1/kms/{region}/keys/{id}/verify-hmac', true],
  [17, 'GET', '/v1/kms/{region}/keys/{id}/public-key[?version=N]', false],
  [18, 'POST', '/v1/kms/{region}/keys/{id}/export', true],
  [19, 'GET', '/v1/kms/{region}/wrapping-key', false],
];

const specs: EndpointSpec[] = Object.values(ENDPOINTS);

function endpointForRow(row: number): EndpointSpec {
  const matches = specs.filter((e) => e.row === row);
  const [only] = matches;
  if (matches.length !== 1 || !only)
    throw new Error(`want exactly one ENDPOINTS entry for row ${row}`);
  return only;
}

describe('ENDPOINTS covers every row of the endpoint table', () => {
  it('the table above has all 19 rows', () => {
    expect(SECTION_2.map((r) => r[0])).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
  });

  it.each(SECTION_2)('row %i: %s %s', (row, method, docPath, hasBody) => {
    const endpoint = endpointForRow(row);
    const [path, query] = docPath.split('[?');
    expect(endpoint.method).toBe(method);
    expect(endpoint.path).toBe(path);
    expect(endpoint.body !== null).toBe(hasBody);
    expect(endpoint.body === null || endpoint.body instanceof z.ZodType).toBe(true);
    expect(endpoint.response).toBeInstanceOf(z.ZodType);
    if (query !== undefined) expect(endpoint.query).toBeInstanceOf(z.ZodType);
  });

  /** A minimal body per row, written from the Body column of section 2. */
  const BODY_EXAMPLES: [row: number, body: Record<string, unknown>][] = [
    [3, { name: 'Billing key', keyType: 'aes256-gcm96' }],
    [10, { keyRotationEnabled: true, rotationPeriodInDays: 30 }],
    [11, { plaintext: 'aGVsbG8=', keyVersion: '1' }],
    [12, { ciphertext: 'thalassa:v1:AAAA' }],
    [
      13,
      {
        input: 'aGVsbG8=',
        keyVersion: '1',
        hashAlgorithm: 'sha2-256',
        prehashed: false,
        context: '',
      },
    ],
    [14, { input: 'aGVsbG8=', signature: 'thalassa:v1:AAAA', hashAlgorithm: 'sha2-384' }],
    [15, { input: 'aGVsbG8=', keyVersion: '2', algorithm: 'sha2-256' }],
    [16, { input: 'aGVsbG8=', hmac: 'thalassa:v2:AAAA', hashAlgorithm: 'sha2-512' }],
    [18, { keyVersion: '1' }],
  ];

  it.each(BODY_EXAMPLES)('row %i body schema accepts the documented body', (row, body) => {
    expect(endpointForRow(row).body?.safeParse(body).success).toBe(true);
  });

  it.each([
    [1, summarySchema],
    [2, keyListSchema],
    ...[3, 4, 5, 6, 7, 8, 9, 10].map((row) => [row, keySchema] as const),
    [11, encryptResponseSchema],
    [12, decryptResponseSchema],
    [13, signResponseSchema],
    [14, verifyResponseSchema],
    [15, hmacResponseSchema],
    [16, verifyHmacResponseSchema],
    [17, publicKeyResponseSchema],
    [18, exportResponseSchema],
    [19, wrappingKeyResponseSchema],
  ] as const)('row %i answers with the schema of its Success column', (row, schema) => {
    expect(endpointForRow(row).response).toBe(schema);
  });

  it('bodies are schemas that reject a non-object', () => {
    for (const e of specs) if (e.body) expect(e.body.safeParse('x').success, e.name).toBe(false);
  });

  it('only create answers 201; the rest of the documented rows answer 200', () => {
    for (const [row] of SECTION_2) {
      expect(endpointForRow(row).successStatus).toBe(row === 3 ? 201 : 200);
    }
  });

  it('every entry beyond the 19 rows is marked row 0 (emulator additions)', () => {
    const extra = specs.filter((e) => !SECTION_2.some(([row]) => row === e.row));
    for (const e of extra) expect(e.row, e.name).toBe(0);
  });

  it('entry names match their keys', () => {
    for (const [key, e] of Object.entries(ENDPOINTS)) expect(e.name).toBe(key);
  });

  it('the public-key query takes an optional version string', () => {
    const query = ENDPOINTS.publicKey.query;
    expect(query.safeParse({}).success).toBe(true);
    expect(query.safeParse({ version: '2' }).success).toBe(true);
    expect(query.safeParse({ version: 'x' }).success).toBe(false);
  });

  it('the list query takes the section 2 filters', () => {
    expect(
      ENDPOINTS.listKeys.query.parse({ status: 'active', matchLabels: { env: 'prod' } }),
    ).toEqual({ status: 'active', matchLabels: { env: 'prod' } });
  });
});

describe('buildPath', () => {
  it.each([
    ['no placeholders', '/v1/kms/summary', {}, '/v1/kms/summary'],
    ['region', '/v1/kms/{region}/keys', { region: 'nl-01' }, '/v1/kms/nl-01/keys'],
    [
      'region and id',
      '/v1/kms/{region}/keys/{id}/encrypt',
      { region: 'nl-01', id: 'kms-abc' },
      '/v1/kms/nl-01/keys/kms-abc/encrypt',
    ],
    [
      'a slash in the id is encoded, not a path separator',
      '/v1/kms/{region}/keys/{id}',
      { region: 'nl-01', id: 'a/b' },
      '/v1/kms/nl-01/keys/a%2Fb',
    ],
    [
      'dot segments are encoded harmlessly',
      '/v1/kms/{region}/keys/{id}',
      { region: 'nl-01', id: '../../summary' },
      '/v1/kms/nl-01/keys/..%2F..%2Fsummary',
    ],
    [
      'spaces, ?, # and % are encoded',
      '/v1/kms/{region}/keys/{id}',
      { region: 'r 1', id: 'a?b#c%d' },
      '/v1/kms/r%201/keys/a%3Fb%23c%25d',
    ],
    [
      'non-ASCII is UTF-8 percent-encoded',
      '/v1/kms/{region}/keys/{id}',
      { region: 'nl-01', id: 'ключ' },
      '/v1/kms/nl-01/keys/%D0%BA%D0%BB%D1%8E%D1%87',
    ],
  ])('%s', (_, template, params, expected) => {
    expect(buildPath(template, params)).toBe(expected);
  });

  it('fills every documented path', () => {
    for (const e of specs) {
      const path = buildPath(e.path, { region: 'nl-01', id: 'kms-1' });
      expect(path).not.toMatch(/[{}]/);
      expect(path.startsWith('/v1/')).toBe(true);
    }
  });

  it.each([
    ['region', '.', { id: 'kms-1' }],
    ['region', '..', { id: 'kms-1' }],
    ['id', '.', { region: 'nl-01' }],
    ['id', '..', { region: 'nl-01' }],
  ])('refuses %s %j, which a URL parser would resolve as a dot segment', (name, value, rest) => {
    const template = '/v1/kms/{region}/keys/{id}/export';
    // What would happen without the guard: the request lands on another path.
    expect(new URL(template.replace(`{${name}}`, value), 'http://x').pathname).not.toContain(
      `/${value}/`,
    );
    expect(() => buildPath(template, { ...rest, [name]: value })).toThrow(/Invalid path parameter/);
  });

  it('accepts dots that are not a whole segment', () => {
    expect(buildPath('/v1/kms/{region}/keys/{id}', { region: 'nl.01', id: '...' })).toBe(
      '/v1/kms/nl.01/keys/...',
    );
  });

  it.each([
    ['a missing region', '/v1/kms/{region}/keys', {}],
    ['an empty region', '/v1/kms/{region}/keys', { region: '' }],
    ['a missing id', '/v1/kms/{region}/keys/{id}', { region: 'nl-01' }],
    ['an empty id', '/v1/kms/{region}/keys/{id}', { region: 'nl-01', id: '' }],
  ])('throws on %s', (_, template, params) => {
    expect(() => buildPath(template, params)).toThrow(/Missing path parameter/);
  });
});
