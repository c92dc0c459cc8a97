import { describe, expect, it } from 'vitest';
import { keySchema, type Key } from '@/contract';
import { calendarEvents, dayOffset, dayTitle, groupByDay } from './calendar-model';

const DAY = 86_400_000;
const now = new Date('2026-11-30T10:00:00');

function key(name: string, overrides: Partial<Key> = {}, latestAt = now): Key {
  return keySchema.parse({
    identity: `kms-${name}`,
    name,
    slug: name,
    keyType: 'aes256-gcm96',
    status: 'active',
    exportAllowed: false,
    imported: false,
    keyRotationEnabled: false,
    latestVersion: 1,
    minDecryptionVersion: 1,
    versions: [{ version: 1, status: 'active', createdAt: latestAt.toISOString() }],
    createdAt: latestAt.toISOString(),
    updatedAt: latestAt.toISOString(),
    objectVersion: 1,
    ...overrides,
  });
}

const rotating = (
  name: string,
  periodDays: number,
  latestAt = now,
  status: Key['status'] = 'active',
) => key(name, { keyRotationEnabled: true, rotationPeriodInDays: periodDays, status }, latestAt);

const pending = (name: string, purgeAt: Date) =>
  key(name, { status: 'pending_deletion', deletionScheduledAt: purgeAt.toISOString() });

describe('calendarEvents', () => {
  it('lists rotations and purges inside the range, in time order, and nothing else', () => {
    const lists = [
      {
        region: 'nl-01',
        regionName: 'N1',
        keys: [
          rotating('daily', 1),
          rotating('yearly', 365),
          rotating('disabled', 1, now, 'disabled'),
          key('no-rotation'),
        ],
      },
      {
        region: 'nl-02',
        regionName: 'N2',
        keys: [pending('doomed', new Date(now.getTime() + 3 * DAY))],
      },
    ];
    const week = calendarEvents(lists, now, 7);
    expect(week.map((e) => [e.kind, e.key.name, e.region])).toEqual([
      ['rotation', 'daily', 'nl-01'],
      ['purge', 'doomed', 'nl-02'],
    ]);
    expect(calendarEvents(lists, now, 2).map((e) => e.key.name)).toEqual(['daily']);
    expect(calendarEvents(lists, now, 400).map((e) => e.key.name)).toContain('yearly');
  });

  it('puts a rotation already due at now, marked due', () => {
    const [event] = calendarEvents(
      [
        {
          region: 'nl-01',
          regionName: 'N1',
          keys: [rotating('late', 1, new Date(now.getTime() - 2 * DAY))],
        },
      ],
      now,
      7,
    );
    expect(event).toMatchObject({ isDue: true, at: now });
  });
});

describe('groupByDay and titles', () => {
  it('groups by local day and names today, tomorrow and later days', () => {
    const lists = [
      {
        region: 'nl-01',
        regionName: 'N1',
        keys: [
          rotating('a', 1),
          rotating('b', 1, new Date(now.getTime() + 60_000)),
          pending('c', new Date(now.getTime() + 3 * DAY)),
          rotating('d', 1, new Date(now.getTime() - 5 * DAY)),
        ],
      },
    ];
    const days = groupByDay(calendarEvents(lists, now, 7), now);
    expect(days.map((d) => [d.offset, d.events.map((e) => e.key.name)])).toEqual([
      [0, ['d']],
      [1, ['a', 'b']],
      [3, ['c']],
    ]);
    expect(dayTitle(days[0]!, days[0]!.events[0]!.at).title).toBe('Today');
    expect(dayTitle(days[1]!, days[1]!.events[0]!.at).title).toBe('Tomorrow');
    expect(dayTitle(days[2]!, days[2]!.events[0]!.at)).toEqual({
      title: 'Thursday 3 December',
      relative: 'in 3 days',
    });
  });

  it('counts calendar days, not 24-hour spans', () => {
    expect(dayOffset(new Date('2026-12-01T00:30:00'), new Date('2026-11-30T23:30:00'))).toBe(1);
    expect(dayOffset(new Date('2026-11-30T23:59:00'), new Date('2026-11-30T00:01:00'))).toBe(0);
  });
});
