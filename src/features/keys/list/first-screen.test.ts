import { describe, expect, it } from 'vitest';
import { KEY_TYPES, type Key } from '@/contract';
import { makeKey } from '@/test/make-key';
import { firstScreen } from './first-screen';
import { filterKeys, indexKeys, sortKeys } from './key-list-model';
import { readKeyListView } from './key-list-search';

const STATUSES = ['active', 'disabled', 'pending_deletion'] as const;
const keys: Key[] = Array.from({ length: 1_000 }, (_, i) =>
  makeKey({
    name: `key ${(i * 7919) % 1000}`,
    status: STATUSES[i % 3]!,
    keyType: KEY_TYPES[i % KEY_TYPES.length]!,
    labels: i % 5 ? { env: i % 2 ? 'prod' : 'dev' } : {},
    createdAt: new Date(Date.UTC(2026, 0, 1 + (i % 200))).toISOString(),
  }),
);

function whole(view: ReturnType<typeof readKeyListView>): Key[] {
  return sortKeys(filterKeys(indexKeys(keys), view), view.sort, view.dir).map((i) => i.key);
}

describe('firstScreen', () => {
  it.each([
    {},
    { sort: 'status', dir: 'desc' },
    { sort: 'created', dir: 'desc' },
    { sort: 'labels' },
    { q: 'env=prod', status: 'disabled' },
    { type: 'ed25519' },
  ] as const)('gives the first rows the whole list shows, checked (%o)', (search) => {
    const view = readKeyListView(search);
    const rows = keys.map((k) => ({ ...k, extra: 'dropped' }));
    expect(firstScreen(rows, view, 40)).toEqual(whole(view).slice(0, 40));
  });

  it('gives nothing when a row it would show is malformed, or when no row matches', () => {
    const view = readKeyListView({});
    const first = whole(view)[0]!;
    const rows = keys.map((k) => (k === first ? { ...k, status: 'melted' } : k));
    expect(firstScreen(rows, view)).toBeNull();
    expect(
      firstScreen([{ name: 'x', labels: 'not an object' }], readKeyListView({ q: 'x' })),
    ).toBeNull();
    expect(firstScreen(keys, readKeyListView({ q: 'no such key' }))).toBeNull();
  });
});
