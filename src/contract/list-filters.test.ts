import { describe, expect, it } from 'vitest';
import {
  keyListFiltersFromSearchParams,
  keyListFiltersSchema,
  keyListFiltersToSearchParams,
  type KeyListFilters,
} from './requests';

const from = (query: string) => keyListFiltersFromSearchParams(new URLSearchParams(query));

describe('keyListFiltersFromSearchParams', () => {
  it.each([
    ['no parameters', '', {}],
    ['name', 'name=Billing%20key', { name: 'Billing key' }],
    ['slug', 'slug=billing-key', { slug: 'billing-key' }],
    ['identity', 'identity=kms-1', { identity: 'kms-1' }],
    ['status', 'status=pending_deletion', { status: 'pending_deletion' }],
    ['keyType', 'keyType=rsa-2048', { keyType: 'rsa-2048' }],
    ['one label', 'matchLabels[env]=prod', { matchLabels: { env: 'prod' } }],
    [
      'percent-encoded label brackets and a prefixed key',
      'matchLabels%5Bexample.com%2Ftier%5D=web',
      { matchLabels: { 'example.com/tier': 'web' } },
    ],
    ['a label with an empty value', 'matchLabels[env]=', { matchLabels: { env: '' } }],
    [
      'everything at once',
      'name=a&slug=b&identity=kms-c&status=active&keyType=ed25519&matchLabels[env]=prod&matchLabels[team]=x',
      {
        name: 'a',
        slug: 'b',
        identity: 'kms-c',
        status: 'active',
        keyType: 'ed25519',
        matchLabels: { env: 'prod', team: 'x' },
      },
    ],
    ['unknown parameters only', 'page=2&limit=10&sort=name', {}],
    ['unknown parameters next to known ones', 'page=2&name=a&foo[bar]=1', { name: 'a' }],
    ['matchLabels without brackets', 'matchLabels=env', {}],
    ['matchLabels with an empty key', 'matchLabels[]=x', {}],
  ])('%s', (_, query, expected) => {
    const result = from(query);
    expect(result.success).toBe(true);
    expect(result.data).toEqual(expected);
  });

  it.each([
    ['unknown status', 'status=deleted'],
    ['unknown keyType', 'keyType=rsa-1024'],
  ])('fails on %s', (_, query) => {
    expect(from(query).success).toBe(false);
  });
});

describe('keyListFiltersToSearchParams', () => {
  it('writes matchLabels[<key>]=<value> and skips empty or absent fields', () => {
    const params = keyListFiltersToSearchParams({
      name: '',
      status: 'disabled',
      matchLabels: { env: 'prod', 'example.com/tier': '' },
    });
    expect([...params]).toEqual([
      ['status', 'disabled'],
      ['matchLabels[env]', 'prod'],
      ['matchLabels[example.com/tier]', ''],
    ]);
  });

  it('writes nothing for no filters', () => {
    expect(keyListFiltersToSearchParams({}).toString()).toBe('');
  });

  it.each<[string, KeyListFilters]>([
    ['a name with spaces and symbols', { name: 'a b&c=d' }],
    ['all fields', { name: 'n', slug: 's', identity: 'kms-i', status: 'active', keyType: 'hmac' }],
    ['labels', { matchLabels: { env: 'prod', 'x.io/a': 'b', empty: '' } }],
  ])('round-trips %s through a query string', (_, filters) => {
    const query = keyListFiltersToSearchParams(filters).toString();
    const back = keyListFiltersFromSearchParams(new URLSearchParams(query));
    expect(back.data).toEqual(filters);
  });
});

describe('keyListFiltersSchema', () => {
  it('drops unknown fields', () => {
    expect(keyListFiltersSchema.parse({ name: 'a', page: 2 })).toEqual({ name: 'a' });
  });
});
