import { describe, expect, it } from 'vitest';
import { filterCommands, type PaletteCommand } from './palette-commands';
import { moveActive, paletteSections } from './palette-options';
import { searchKeys, searchScopes, type KeySource } from './palette-search';
import { makeKey } from '@/test/make-key';

const billing = makeKey({ name: 'Billing envelope', labels: { team: 'ledger', env: 'prod' } });
const billingOld = makeKey({ name: 'Old billing archive' });
const signing = makeKey({ name: 'Release signing', labels: { env: 'prod' } });
const webKey = makeKey({ name: 'Web sessions', labels: { team: 'web' } });

const sources: KeySource[] = [
  {
    project: undefined,
    region: 'nl-01',
    regionName: 'Netherlands 01',
    keys: [billingOld, signing],
  },
  { project: undefined, region: 'nl-02', regionName: 'Netherlands 02', keys: [billing] },
  { project: 'web', region: 'nl-01', regionName: 'Netherlands 01', keys: [webKey, billing] },
];

describe('searchKeys', () => {
  it('groups matches by scope and region, best first, and an exact match first of all', () => {
    const groups = searchKeys(sources, 'billing');
    expect(groups.map((g) => g.id)).toEqual(['@nl-01', '@nl-02', 'web@nl-01']);
    expect(groups[0]!.hits.map((h) => h.key.name)).toEqual(['Old billing archive']);

    const exact = searchKeys(sources, billing.slug);
    // The groups holding the exact slug come before the one that only contains the word.
    expect(exact.map((g) => g.id)).toEqual(['@nl-02', 'web@nl-01']);
    expect(exact[0]!.hits[0]!.rank).toBe(0);
  });

  it('finds by identity and by label, with every term required', () => {
    expect(searchKeys(sources, webKey.identity).flatMap((g) => g.hits.map((h) => h.key))).toEqual([
      webKey,
    ]);
    const byLabel = searchKeys(sources, 'env=prod');
    expect(byLabel.flatMap((g) => g.hits.map((h) => h.key.name)).sort()).toEqual([
      'Billing envelope',
      'Billing envelope',
      'Release signing',
    ]);
    expect(searchKeys(sources, 'team=ledger release')).toEqual([]);
  });

  it('shows at most perGroup hits and counts the rest', () => {
    const many = Array.from({ length: 12 }, (_, i) => makeKey({ name: `Batch key ${i + 1}` }));
    const [group] = searchKeys(
      [{ project: undefined, region: 'nl-01', regionName: 'N1', keys: many }],
      'batch',
      5,
    );
    expect(group!.total).toBe(12);
    expect(group!.hits.map((h) => h.key.name)).toEqual([
      'Batch key 1',
      'Batch key 2',
      'Batch key 3',
      'Batch key 4',
      'Batch key 5',
    ]);
    const sections = paletteSections([group!], [], 'batch');
    expect(sections[0]!.options.at(-1)).toMatchObject({ kind: 'more', query: 'batch' });
  });

  it('searches nothing for blank text', () => {
    expect(searchKeys(sources, '   ')).toEqual([]);
  });
});

describe('searchScopes', () => {
  it('puts the scope in use first, then organisation scope, then recent projects, once each', () => {
    expect(searchScopes(undefined, ['web', 'ci'])).toEqual([undefined, 'web', 'ci']);
    expect(searchScopes('web', ['ci', 'web'])).toEqual(['web', undefined, 'ci']);
  });
});

describe('commands and the active option', () => {
  const command = (label: string, keywords?: string): PaletteCommand => ({
    id: label,
    label,
    icon: 'audit',
    run: () => {},
    ...(keywords ? { keywords } : {}),
  });
  const commands = [command('Go to audit log', 'events'), command('Sign out', 'log out')];

  it('filters commands by label and keywords; all of them for no text', () => {
    expect(filterCommands(commands, 'events').map((c) => c.label)).toEqual(['Go to audit log']);
    expect(filterCommands(commands, 'LOG')).toHaveLength(2);
    expect(filterCommands(commands, '')).toHaveLength(2);
  });

  it('wraps with the arrows, stops at the ends with page keys', () => {
    expect(moveActive(0, -1, 4)).toBe(3);
    expect(moveActive(3, 1, 4)).toBe(0);
    expect(moveActive(1, 5, 4)).toBe(3);
    expect(moveActive(2, -5, 4)).toBe(0);
    expect(moveActive(0, 1, 0)).toBe(-1);
  });
});
