import { describe, expect, it } from 'vitest';
import {
  base64DecodedLength,
  isBase64,
  MAX_BODY_BYTES,
  MAX_INPUT_BYTES,
  MIN_INPUT_BYTES,
} from './base64';

describe('isBase64 (standard alphabet, padded)', () => {
  it.each([
    ['empty (callers reject it themselves)', '', true],
    ['4 characters', 'AAAA', true],
    ['one padding character', 'AAA=', true],
    ['two padding characters', 'AA==', true],
    ['+ and /', '+/+/', true],
    ['unpadded', 'AAA', false],
    ['three padding characters', 'A===', false],
    ['padding in the middle', 'AA==AAAA', false],
    ['URL-safe alphabet', '-_-_', false],
    ['whitespace', 'AAAA AAAA', false],
    ['newline', 'AAAA\nAAAA', false],
    ['other characters', '@@@@', false],
  ])('%s -> %s', (_, value, expected) => {
    expect(isBase64(value)).toBe(expected);
  });

  it('accepts what btoa produces for every length from 1 to 10', () => {
    for (let n = 1; n <= 10; n++) expect(isBase64(btoa('z'.repeat(n)))).toBe(true);
  });
});

describe('base64DecodedLength', () => {
  it.each([
    ['', 0],
    ['AA==', 1],
    ['AAA=', 2],
    ['AAAA', 3],
    ['AAAAAA==', 4],
  ])('%j -> %i bytes', (value, bytes) => {
    expect(base64DecodedLength(value)).toBe(bytes);
  });

  it.each([1, 2, 3, 4, 5, 100, 65_535, 65_536])(
    'matches the real decoded size for %i bytes',
    (n) => {
      const encoded = btoa('q'.repeat(n));
      expect(base64DecodedLength(encoded)).toBe(n);
      expect(atob(encoded)).toHaveLength(n);
    },
  );
});

describe('limits', () => {
  it('match the spec: inputs 1..65,535 bytes, bodies up to 1 MiB', () => {
    expect([MIN_INPUT_BYTES, MAX_INPUT_BYTES, MAX_BODY_BYTES]).toEqual([1, 65_535, 1_048_576]);
  });
});
