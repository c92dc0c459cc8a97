import { describe, expect, it } from 'vitest';
import { formatThalassaString, parseThalassaString } from './thalassa-string';

describe('parseThalassaString', () => {
  it.each([
    ['version 1', 'thalassa:v1:AAAA', { version: 1, payload: 'AAAA' }],
    ['a two-digit version', 'thalassa:v12:AAAA', { version: 12, payload: 'AAAA' }],
    ['a nine-digit version', 'thalassa:v999999999:AAAA', { version: 999_999_999, payload: 'AAAA' }],
    ['padded payload', 'thalassa:v2:YWJjZA==', { version: 2, payload: 'YWJjZA==' }],
    ['payload with + and /', 'thalassa:v3:+/+/', { version: 3, payload: '+/+/' }],
  ])('parses %s', (_, value, expected) => {
    expect(parseThalassaString(value)).toEqual(expected);
  });

  it.each([
    ['empty', ''],
    ['bare base64', 'AAAA'],
    ['version 0', 'thalassa:v0:AAAA'],
    ['leading zero in the version', 'thalassa:v01:AAAA'],
    ['negative version', 'thalassa:v-1:AAAA'],
    ['ten-digit version', 'thalassa:v1234567890:AAAA'],
    ['missing "v"', 'thalassa:1:AAAA'],
    ['missing version', 'thalassa:v:AAAA'],
    ['missing payload', 'thalassa:v1:'],
    ['missing payload and colon', 'thalassa:v1'],
    ['missing prefix', 'v1:AAAA'],
    ['wrong prefix', 'vault:v1:AAAA'],
    ['upper-case prefix', 'THALASSA:v1:AAAA'],
    ['extra part', 'thalassa:v1:AAAA:BBBB'],
    ['unpadded payload', 'thalassa:v1:AAA'],
    ['misplaced padding', 'thalassa:v1:A=AA'],
    ['URL-safe payload', 'thalassa:v1:ab-_'],
    ['payload with bad characters', 'thalassa:v1:@@@@'],
    ['leading space', ' thalassa:v1:AAAA'],
    ['trailing newline', 'thalassa:v1:AAAA\n'],
    ['space inside the payload', 'thalassa:v1:AAAA AAAA'],
  ])('returns null for %s', (_, value) => {
    expect(parseThalassaString(value)).toBeNull();
  });
});

describe('formatThalassaString', () => {
  it('builds thalassa:v<N>:<base64>', () => {
    expect(formatThalassaString(3, 'YWJj')).toBe('thalassa:v3:YWJj');
  });

  it.each([
    [1, 'AAAA'],
    [42, 'YWJjZA=='],
    [7, 'YWI='],
  ])('round-trips version %i with %s', (version, payload) => {
    expect(parseThalassaString(formatThalassaString(version, payload))).toEqual({
      version,
      payload,
    });
  });
});
