import { describe, expect, it } from 'vitest';
import {
  anchoredScrollTop,
  countFacets,
  filterKeys,
  indexKeys,
  nextRotationAt,
  nextSort,
  sortKeys,
} from './key-list-model';
import { makeKey } from '@/test/make-key';

const names = (items: { key: { name: string } }[]) => items.map((i) => i.key.name);
const none = { query: '', statuses: [], types: [], purposes: [] };

describe('nextRotationAt', () => {
  it('is the latest version createdAt plus the period', () => {
    const key = makeKey({
      keyRotationEnabled: true,
      rotationPeriodInDays: 30,
      latestVersion: 2,
      versions: [
        { version: 1, status: 'active', createdAt: '2026-01-01T00:00:00Z' },
        { version: 2, status: 'active', createdAt: '2026-03-01T12:00:00Z' },
      ],
    });
    expect(nextRotationAt(key)?.toISOString()).toBe('2026-03-31T12:00:00.000Z');
  });

  it('is null when rotation is off, even with a period kept', () => {
    expect(nextRotationAt(makeKey({ keyRotationEnabled: false, rotationPeriodInDays: 30 }))).toBe(
      null,
    );
  });
});

describe('filterKeys', () => {
  const keys = indexKeys([
    makeKey({ name: 'Payments DB', labels: { env: 'prod', team: 'core' } }),
    makeKey({ name: 'Artefact signing', keyType: 'ed25519', status: 'disabled' }),
    makeKey({ name: 'Webhook MAC', keyType: 'hmac-sha256', labels: { env: 'staging' } }),
    makeKey({ name: 'Legacy RSA', keyType: 'rsa-2048', status: 'pending_deletion' }),
  ]);

  it('matches name, slug, identity and labels case-insensitively; every term must match', () => {
    expect(names(filterKeys(keys, { ...none, query: 'PAYMENTS' }))).toEqual(['Payments DB']);
    expect(names(filterKeys(keys, { ...none, query: 'webhook-mac' }))).toEqual(['Webhook MAC']);
    expect(names(filterKeys(keys, { ...none, query: keys[1]!.key.identity }))).toEqual([
      'Artefact signing',
    ]);
    expect(names(filterKeys(keys, { ...none, query: 'env=prod' }))).toEqual(['Payments DB']);
    expect(names(filterKeys(keys, { ...none, query: 'env staging' }))).toEqual(['Webhook MAC']);
    expect(filterKeys(keys, { ...none, query: 'env nothing' })).toEqual([]);
  });

  it('ORs values within a facet and ANDs facets', () => {
    expect(
      names(filterKeys(keys, { ...none, statuses: ['disabled', 'pending_deletion'] })),
    ).toEqual(['Artefact signing', 'Legacy RSA']);
    // RSA keys both encrypt and sign: they count for either purpose.
    expect(names(filterKeys(keys, { ...none, purposes: ['sign'] }))).toEqual([
      'Artefact signing',
      'Legacy RSA',
    ]);
    expect(
      names(filterKeys(keys, { ...none, purposes: ['sign'], statuses: ['pending_deletion'] })),
    ).toEqual(['Legacy RSA']);
    expect(names(filterKeys(keys, { ...none, types: ['hmac-sha256'] }))).toEqual(['Webhook MAC']);
  });
});

describe('countFacets', () => {
  it('counts each facet against the search and the other facets, not itself', () => {
    const keys = indexKeys([
      makeKey({ name: 'a', status: 'active' }),
      makeKey({ name: 'b', status: 'disabled' }),
      makeKey({ name: 'c', status: 'disabled', keyType: 'ed25519' }),
    ]);
    const counts = countFacets(keys, { ...none, statuses: ['disabled'], types: ['aes256-gcm96'] });
    // Status counts ignore the status facet but apply the type facet.
    expect(counts.statuses).toEqual({ active: 1, disabled: 1, pending_deletion: 0 });
    // Type counts ignore the type facet but apply the status facet.
    expect(counts.types['aes256-gcm96']).toBe(1);
    expect(counts.types.ed25519).toBe(1);
    expect(counts.purposes).toEqual({ encrypt: 1, sign: 0, hmac: 0 });
  });
});

describe('sortKeys', () => {
  const a = makeKey({
    name: 'alpha',
    createdAt: '2026-02-01T00:00:00Z',
    latestVersion: 3,
    minDecryptionVersion: 2,
    status: 'disabled',
    keyType: 'rsa-4096',
    labels: { z: '1' },
  });
  const b = makeKey({
    name: 'Beta',
    createdAt: '2026-01-01T00:00:00Z',
    latestVersion: 1,
    keyRotationEnabled: true,
    rotationPeriodInDays: 10,
  });
  const c = makeKey({
    name: 'key-10',
    createdAt: '2026-03-01T00:00:00Z',
    latestVersion: 2,
    status: 'pending_deletion',
    keyType: 'aes128-gcm96',
    keyRotationEnabled: true,
    rotationPeriodInDays: 365,
    labels: { a: '1' },
  });
  const d = makeKey({ name: 'key-9', createdAt: '2026-03-01T00:00:00Z' });
  const items = indexKeys([c, a, d, b]);

  it('sorts names naturally and case-insensitively', () => {
    expect(names(sortKeys(items, 'name', 'asc'))).toEqual(['alpha', 'Beta', 'key-9', 'key-10']);
    expect(names(sortKeys(items, 'name', 'desc'))).toEqual(['key-10', 'key-9', 'Beta', 'alpha']);
  });

  it('sorts numbers, dates, statuses and types by value', () => {
    expect(names(sortKeys(items, 'latestVersion', 'desc'))).toEqual([
      'alpha',
      'key-10',
      'Beta',
      'key-9',
    ]);
    expect(names(sortKeys(items, 'minDecryptionVersion', 'desc'))[0]).toBe('alpha');
    // Equal created times fall back to name order.
    expect(names(sortKeys(items, 'created', 'asc'))).toEqual(['Beta', 'alpha', 'key-9', 'key-10']);
    expect(names(sortKeys(items, 'status', 'asc'))).toEqual(['Beta', 'key-9', 'alpha', 'key-10']);
    expect(names(sortKeys(items, 'type', 'asc'))).toEqual(['key-10', 'Beta', 'key-9', 'alpha']);
  });

  it('keeps keys without rotation or labels last in both directions', () => {
    expect(names(sortKeys(items, 'rotation', 'asc'))).toEqual(['Beta', 'key-10', 'alpha', 'key-9']);
    expect(names(sortKeys(items, 'rotation', 'desc'))).toEqual([
      'key-10',
      'Beta',
      'alpha',
      'key-9',
    ]);
    expect(names(sortKeys(items, 'labels', 'asc'))).toEqual(['key-10', 'alpha', 'Beta', 'key-9']);
    expect(names(sortKeys(items, 'labels', 'desc'))).toEqual(['alpha', 'key-10', 'Beta', 'key-9']);
  });

  it('does not change its input', () => {
    const before = names(items);
    sortKeys(items, 'name', 'desc');
    expect(names(items)).toEqual(before);
  });
});

describe('nextSort', () => {
  it('toggles the current column and starts a new one ascending (created: newest first)', () => {
    expect(nextSort({ sort: 'name', dir: 'asc' }, 'name')).toEqual({ sort: 'name', dir: 'desc' });
    expect(nextSort({ sort: 'name', dir: 'desc' }, 'name')).toEqual({ sort: 'name', dir: 'asc' });
    expect(nextSort({ sort: 'name', dir: 'desc' }, 'status')).toEqual({
      sort: 'status',
      dir: 'asc',
    });
    expect(nextSort({ sort: 'name', dir: 'asc' }, 'created')).toEqual({
      sort: 'created',
      dir: 'desc',
    });
  });
});

describe('anchoredScrollTop', () => {
  const base = { rowHeight: 50, viewportHeight: 500, totalRows: 1000 };
  it('keeps the row at the same distance from the top of the view', () => {
    // Row was 120px below the top; at its new index 40 (2000px) scroll to 1880.
    expect(anchoredScrollTop({ ...base, newIndex: 40, offsetInView: 120 })).toBe(1880);
  });
  it('brings a row that was out of view fully into view', () => {
    expect(anchoredScrollTop({ ...base, newIndex: 40, offsetInView: -300 })).toBe(2000);
    expect(anchoredScrollTop({ ...base, newIndex: 40, offsetInView: 9000 })).toBe(1550);
  });
  it('stays within the scrollable range', () => {
    expect(anchoredScrollTop({ ...base, newIndex: 1, offsetInView: 200 })).toBe(0);
    expect(anchoredScrollTop({ ...base, totalRows: 12, newIndex: 11, offsetInView: 0 })).toBe(100);
  });
});
