import { describe, expect, it } from 'vitest';
import {
  annotationValueError,
  annotationsSchema,
  labelKeyError,
  labelValueError,
  labelsSchema,
  MAX_ANNOTATION_VALUE,
  MAX_MAP_ENTRIES,
} from './labels';

const a = (n: number) => 'a'.repeat(n);

/** A valid DNS subdomain of exactly `n` characters (labels of at most 63 joined by '.'). */
function dnsSubdomain(n: number): string {
  const parts: string[] = [];
  let left = n;
  while (left > 0) {
    const take = Math.min(63, left);
    parts.push('b'.repeat(take));
    left -= take + 1;
  }
  const s = parts.join('.');
  if (s.length !== n) throw new Error(`dnsSubdomain(${n}) built ${s.length} characters`);
  return s;
}

function mapOf(n: number, value = 'v'): Record<string, string> {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`key-${i}`, value]));
}

const validKeys: [string, string][] = [
  ['one character', 'a'],
  ['one digit', '7'],
  ['63-character name', a(63)],
  ['inner dot, dash, underscore', 'app.kubernetes_io-x'],
  ['upper case name', 'Environment'],
  ['prefix and name', 'example.com/name'],
  ['single-label prefix', 'team/owner'],
  ['prefix with dashes and digits', 'my-team-1.example-2.org/tier'],
  ['prefix and 63-character name', `example.com/${a(63)}`],
  ['253-character prefix', `${dnsSubdomain(253)}/x`],
];

const invalidKeys: [string, string][] = [
  ['empty key', ''],
  ['64-character name', a(64)],
  ['prefix and 64-character name', `example.com/${a(64)}`],
  ['254-character prefix', `${dnsSubdomain(254)}/x`],
  ['space inside', 'my key'],
  ['bad character @', 'a@b'],
  ['bad character :', 'a:b'],
  ['non-ASCII letter', 'schlüssel'],
  ['leading dash', '-a'],
  ['trailing dash', 'a-'],
  ['leading dot', '.a'],
  ['trailing dot', 'a.'],
  ['leading underscore', '_a'],
  ['trailing underscore', 'a_'],
  ['empty prefix', '/name'],
  ['empty name after prefix', 'example.com/'],
  ['only a slash', '/'],
  ['multiple slashes', 'a/b/c'],
  ['multiple slashes with DNS prefix', 'example.com/a/b'],
  ['upper-case prefix', 'Example.com/name'],
  ['prefix with underscore', 'my_team/name'],
  ['prefix starting with dash', '-example.com/name'],
  ['prefix ending with dash', 'example-/name'],
  ['prefix ending with dot', 'example./name'],
  ['prefix with empty DNS label', 'example..com/name'],
  ['name with bad end after prefix', 'example.com/name-'],
];

describe('labelKeyError (label and annotation keys)', () => {
  it.each(validKeys)('accepts %s', (_, key) => {
    expect(labelKeyError(key)).toBeNull();
  });

  it.each(invalidKeys)('rejects %s', (_, key) => {
    expect(labelKeyError(key)).toEqual(expect.any(String));
  });

  it.each([
    ...validKeys.map(([d, k]) => [d, k, true] as const),
    ...invalidKeys.map(([d, k]) => [d, k, false] as const),
  ])('labelsSchema and annotationsSchema agree on key %s', (_, key, ok) => {
    expect(labelsSchema.safeParse({ [key]: 'v' }).success).toBe(ok);
    expect(annotationsSchema.safeParse({ [key]: 'v' }).success).toBe(ok);
  });
});

describe('label values', () => {
  it.each([
    ['empty', '', true],
    ['one character', 'a', true],
    ['63 characters', a(63), true],
    ['64 characters', a(64), false],
    ['letters, digits, ".", "_", "-" inside', 'v1.2_3-RC', true],
    ['leading dash', '-prod', false],
    ['trailing dot', 'prod.', false],
    ['leading underscore', '_prod', false],
    ['space inside', 'pro d', false],
    ['slash', 'a/b', false],
    ['non-ASCII', 'café', false],
  ])('%s -> valid: %s', (_, value, ok) => {
    expect(labelValueError(value) === null).toBe(ok);
    expect(labelsSchema.safeParse({ env: value }).success).toBe(ok);
  });
});

describe('annotation values', () => {
  it.each([
    ['empty', '', true],
    ['any characters', 'Owner: Jane Doe <jane@example.com>\n{"json": true} ✓', true],
    ['4096 characters', a(4096), true],
    ['4097 characters', a(4097), false],
  ])('%s -> valid: %s', (_, value, ok) => {
    expect(annotationValueError(value) === null).toBe(ok);
    expect(annotationsSchema.safeParse({ note: value }).success).toBe(ok);
  });

  it('annotation values are not held to label value syntax', () => {
    expect(labelsSchema.safeParse({ note: 'has spaces' }).success).toBe(false);
    expect(annotationsSchema.safeParse({ note: 'has spaces' }).success).toBe(true);
  });
});

describe('entry counts', () => {
  it.each([
    [0, true],
    [1, true],
    [64, true],
    [65, false],
  ])('%i entries -> valid: %s', (n, ok) => {
    expect(labelsSchema.safeParse(mapOf(n)).success).toBe(ok);
    expect(annotationsSchema.safeParse(mapOf(n)).success).toBe(ok);
  });

  it('exports the limits of the spec', () => {
    expect(MAX_MAP_ENTRIES).toBe(64);
    expect(MAX_ANNOTATION_VALUE).toBe(4096);
  });
});

describe('map shape', () => {
  it.each([
    ['a non-string value', { env: 1 }],
    ['an array', ['a']],
    ['null', null],
  ])('rejects %s', (_, value) => {
    expect(labelsSchema.safeParse(value).success).toBe(false);
    expect(annotationsSchema.safeParse(value).success).toBe(false);
  });

  it('reports the offending key in the issue path', () => {
    const result = labelsSchema.safeParse({ ok: 'fine', 'bad key': 'x' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toEqual([['bad key']]);
  });
});
