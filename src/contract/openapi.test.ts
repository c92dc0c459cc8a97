import { describe, expect, it } from 'vitest';
import { ENDPOINTS } from './endpoints';
import type { EndpointName } from './endpoints';
import { errorBodySchema } from './objects';
import { buildOpenApiDocument, OPENAPI_PATH } from './openapi';

type Json = Record<string, unknown>;
type Operation = {
  operationId: string;
  requestBody?: { content: { 'application/json': { example?: unknown } } };
  responses: Record<string, Json & { content?: Record<string, { example?: unknown }> }>;
};

const METHODS = ['get', 'post', 'patch', 'delete', 'put'];

function operations(doc: Json): { path: string; method: string; op: Operation }[] {
  return Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(
    ([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.includes(method))
        .map(([method, op]) => ({ path, method, op })),
  );
}

/** Resolves a local `$ref` such as `#/components/responses/Error404`. */
function resolve(doc: Json, value: Json): Json {
  const ref = value.$ref;
  if (typeof ref !== 'string') return value;
  let node: unknown = doc;
  for (const part of ref.replace(/^#\//, '').split('/')) node = (node as Json)[part];
  return node as Json;
}

/**
 * Every example in the document, checked against the zod schema of its place: request bodies
 * and success answers against the endpoint's schemas, error answers against the error body.
 * Returns one line per invalid example and the number checked.
 */
function checkExamples(doc: Json): { problems: string[]; checked: number } {
  const problems: string[] = [];
  let checked = 0;
  const check = (
    where: string,
    schema: { safeParse(v: unknown): { success: boolean } },
    v: unknown,
  ) => {
    checked += 1;
    if (!schema.safeParse(v).success) problems.push(where);
  };
  for (const { path, method, op } of operations(doc)) {
    const spec = ENDPOINTS[op.operationId as EndpointName];
    if (!spec) continue;
    const bodyExample = op.requestBody?.content['application/json'].example;
    if (bodyExample !== undefined && spec.body)
      check(`${method} ${path} body`, spec.body, bodyExample);
    for (const [status, raw] of Object.entries(op.responses)) {
      const response = resolve(doc, raw) as { content?: Record<string, { example?: unknown }> };
      const example = response.content?.['application/json']?.example;
      if (example === undefined) continue;
      const schema = status === String(spec.successStatus) ? spec.response : errorBodySchema;
      check(`${method} ${path} ${status}`, schema, example);
    }
  }
  return { problems, checked };
}

function refs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refs);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) =>
    k === '$ref' && typeof v === 'string' ? [v] : refs(v),
  );
}

describe('the OpenAPI document', () => {
  const doc = buildOpenApiDocument();

  it('is OpenAPI 3.1 with every contract endpoint, by method and path', () => {
    expect(doc.openapi).toBe('3.1.0');
    const listed = operations(doc).map(
      ({ path, method, op }) => `${op.operationId} ${method} ${path}`,
    );
    const expected = Object.entries(ENDPOINTS).map(
      ([name, spec]) => `${name} ${spec.method.toLowerCase()} ${spec.path}`,
    );
    expect(listed.sort()).toEqual([...expected, `openApi get ${OPENAPI_PATH}`].sort());
  });

  it('gives every request body and every success answer an example', () => {
    for (const { op } of operations(doc)) {
      const spec = ENDPOINTS[op.operationId as EndpointName];
      if (!spec) continue;
      if (spec.body)
        expect(op.requestBody?.content['application/json'].example, op.operationId).toBeDefined();
      const success = op.responses[String(spec.successStatus)]?.content?.['application/json'];
      expect(success?.example, op.operationId).toBeDefined();
    }
  });

  it('has only examples that its zod schemas accept', () => {
    const { problems, checked } = checkExamples(doc);
    expect(problems).toEqual([]);
    // 9 bodies, 20 success answers, and error answers on every endpoint.
    expect(checked).toBeGreaterThan(29 + 20 * 3);
  });

  it('the example check catches an example the schema refuses', () => {
    const broken = structuredClone(doc);
    const encrypt = (broken.paths as Record<string, Record<string, Operation>>)[
      ENDPOINTS.encrypt.path
    ]?.post;
    if (!encrypt?.requestBody) throw new Error('encrypt has no request body');
    encrypt.requestBody.content['application/json'].example = { plaintext: 'not base64!' };
    expect(checkExamples(broken).problems).toEqual([`post ${ENDPOINTS.encrypt.path} body`]);
  });

  it('every $ref points at something in the document', () => {
    const all = refs(doc);
    expect(all.length).toBeGreaterThan(50);
    for (const ref of new Set(all)) expect(resolve(doc, { $ref: ref }), ref).toBeDefined();
  });

  it('is plain JSON, the same on every build', () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
    expect(JSON.stringify(buildOpenApiDocument())).toBe(JSON.stringify(doc));
  });
});
