import { describe, expect, it } from 'vitest';
import { confirmationPhrase, slugify } from './slug';

describe('slugify', () => {
  it.each([
    ['lower-cases', 'MyKey', 'mykey'],
    ['keeps digits', 'key2024', 'key2024'],
    ['turns one space into "-"', 'my key', 'my-key'],
    ['turns a run of other characters into one "-"', 'my  --__..key', 'my-key'],
    ['turns underscore and dot into "-"', 'a_b.c', 'a-b-c'],
    ['keeps existing single dashes', 'a-b-c', 'a-b-c'],
    ['trims leading and trailing runs', '  --Billing Key!!  ', 'billing-key'],
    ['treats non-ASCII letters as other characters', 'Café Ünïcode', 'caf-n-code'],
    ['treats emoji as other characters', '🔑 prod 🔑 key', 'prod-key'],
    ['all symbols -> empty', '!@#$%^&*()', ''],
    ['all spaces -> empty', '    ', ''],
    ['all non-ASCII -> empty', '日本語', ''],
    ['empty -> empty', '', ''],
  ])('%s: %j -> %j', (_, name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('cuts to 63 characters', () => {
    expect(slugify('a'.repeat(100))).toBe('a'.repeat(63));
    expect(slugify('A'.repeat(63))).toBe('a'.repeat(63));
  });

  it('trims again after the cut, so a "-" at position 63 is dropped', () => {
    // 62 letters, a space (becomes "-" at index 62), then more letters.
    const name = `${'a'.repeat(62)} bbbb`;
    expect(slugify(name)).toBe('a'.repeat(62));
  });

  it('cuts after collapsing runs, not before', () => {
    // 40 letters, 30 spaces, 40 letters: the spaces collapse to one "-" first.
    const name = `${'a'.repeat(40)}${' '.repeat(30)}${'b'.repeat(40)}`;
    expect(slugify(name)).toBe(`${'a'.repeat(40)}-${'b'.repeat(22)}`);
  });

  it('cuts after trimming the leading run', () => {
    expect(slugify(`${'-'.repeat(10)}${'c'.repeat(70)}`)).toBe('c'.repeat(63));
  });

  it.each([['a'.repeat(255)], ['Some Key / With: Punctuation'], ['ÄÖÜ mixed 123']])(
    'always yields [a-z0-9-], no edge or double dashes, at most 63: %j',
    (name) => {
      const slug = slugify(name);
      expect(slug).toMatch(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/);
      expect(slug.length).toBeLessThanOrEqual(63);
    },
  );
});

describe('confirmationPhrase', () => {
  it('is region/slug, for an existing key or the slug a new name will get', () => {
    expect(confirmationPhrase('nl-01', 'orders-key')).toBe('nl-01/orders-key');
    expect(confirmationPhrase('de-02', slugify('  Billing Key!! '))).toBe('de-02/billing-key');
  });
});
