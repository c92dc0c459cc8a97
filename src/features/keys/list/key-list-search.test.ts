import { describe, expect, it } from 'vitest';
import {
  hasLookup,
  keyListSearchSchema,
  labelSelectorError,
  parseLabelSelector,
  readKeyListView,
  writeKeyListView,
} from './key-list-search';

describe('keyListSearchSchema', () => {
  it('keeps valid values and drops each invalid one on its own', () => {
    const parsed = keyListSearchSchema.parse({
      q: 'prod',
      sort: 'nonsense',
      dir: 'desc',
      lookupStatus: 'gone',
      status: 'active',
    });
    expect(parsed).toEqual({ q: 'prod', dir: 'desc', status: 'active' });
  });

  it('reads numbers and booleans the router parsed from a hand-typed URL as text', () => {
    expect(keyListSearchSchema.parse({ q: 123, name: true })).toMatchObject({
      q: '123',
      name: 'true',
    });
  });

  it('treats an empty string as absent', () => {
    expect(keyListSearchSchema.parse({ q: '' }).q).toBeUndefined();
  });
});

describe('readKeyListView', () => {
  it('gives defaults for an empty URL', () => {
    expect(readKeyListView({})).toEqual({
      query: '',
      statuses: [],
      types: [],
      purposes: [],
      sort: 'name',
      dir: 'asc',
      lookup: {},
    });
  });

  it('parses comma lists in canonical order, ignoring unknown values', () => {
    const view = readKeyListView({
      status: 'pending_deletion,bogus,active',
      type: 'rsa-2048,aes256-gcm96',
      purpose: 'hmac,sign',
    });
    expect(view.statuses).toEqual(['active', 'pending_deletion']);
    expect(view.types).toEqual(['aes256-gcm96', 'rsa-2048']);
    expect(view.purposes).toEqual(['sign', 'hmac']);
  });

  it('maps the exact lookup onto the API filters', () => {
    const view = readKeyListView({
      identity: 'kms-abc',
      name: 'Payments',
      slug: 'payments',
      lookupStatus: 'disabled',
      labels: 'env=prod,team=core',
    });
    expect(view.lookup).toEqual({
      identity: 'kms-abc',
      name: 'Payments',
      slug: 'payments',
      status: 'disabled',
      matchLabels: { env: 'prod', team: 'core' },
    });
  });
});

describe('writeKeyListView', () => {
  it('round-trips through the URL state', () => {
    const search = {
      q: 'pay',
      status: 'active,disabled',
      type: 'ed25519',
      purpose: 'sign',
      sort: 'created' as const,
      dir: 'desc' as const,
      name: 'x',
      labels: 'env=prod',
    };
    const written = writeKeyListView(readKeyListView(search));
    expect(Object.fromEntries(Object.entries(written).filter(([, v]) => v !== undefined))).toEqual(
      search,
    );
  });

  it('leaves defaults and empty values out of the URL', () => {
    const written = writeKeyListView(readKeyListView({ sort: 'name', dir: 'asc', q: '  ' }));
    expect(Object.values(written).every((v) => v === undefined)).toBe(true);
  });
});

describe('label selectors', () => {
  it('parses key=value pairs, keeps empty values and drops malformed pairs', () => {
    expect(parseLabelSelector('env=prod, tier=, bad, =x, example.com/team=core')).toEqual({
      env: 'prod',
      tier: '',
      'example.com/team': 'core',
    });
  });

  it('explains what is wrong with a typed selector', () => {
    expect(labelSelectorError('')).toBeNull();
    expect(labelSelectorError('env=prod,team=core')).toBeNull();
    expect(labelSelectorError('env')).toMatch(/not key=value/);
    expect(labelSelectorError('env=has space')).toMatch(/Label value/);
  });
});

describe('hasLookup', () => {
  it('is true only with at least one exact filter', () => {
    expect(hasLookup({})).toBe(false);
    expect(hasLookup({ matchLabels: {} })).toBe(false);
    expect(hasLookup({ matchLabels: { a: 'b' } })).toBe(true);
    expect(hasLookup({ slug: 's' })).toBe(true);
  });
});
