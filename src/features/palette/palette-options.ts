import type { Key } from '@/contract';
import type { PaletteCommand } from './palette-commands';
import { scopeLabel, type KeyGroup } from './palette-search';

export type PaletteOption =
  | { kind: 'key'; id: string; group: KeyGroup; key: Key }
  | { kind: 'more'; id: string; group: KeyGroup; query: string }
  | { kind: 'command'; id: string; command: PaletteCommand };

export interface PaletteSection {
  id: string;
  label: string;
  options: PaletteOption[];
}

/** "Netherlands 01 (nl-01) · project web". */
export function groupLabel(group: Pick<KeyGroup, 'region' | 'regionName' | 'project'>): string {
  return `${group.regionName} (${group.region}) · ${scopeLabel(group.project)}`;
}

/**
 * The listbox's sections: one per scope and region with matching keys (and "N more" when the
 * group holds more than it shows), then the matching commands.
 */
export function paletteSections(
  groups: readonly KeyGroup[],
  commands: readonly PaletteCommand[],
  query: string,
): PaletteSection[] {
  const sections: PaletteSection[] = groups.map((group) => {
    const options: PaletteOption[] = group.hits.map(({ key }) => ({
      kind: 'key',
      id: `key:${group.id}:${key.identity}`,
      group,
      key,
    }));
    if (group.total > group.hits.length)
      options.push({ kind: 'more', id: `more:${group.id}`, group, query: query.trim() });
    return { id: `group:${group.id}`, label: groupLabel(group), options };
  });
  if (commands.length)
    sections.push({
      id: 'commands',
      label: 'Commands',
      options: commands.map((command) => ({ kind: 'command', id: `cmd:${command.id}`, command })),
    });
  return sections;
}

/** The next active position after an arrow key: wraps at both ends; -1 when there is nothing. */
export function moveActive(index: number, delta: number, count: number): number {
  if (count <= 0) return -1;
  if (Math.abs(delta) > 1) return Math.min(count - 1, Math.max(0, index + delta));
  return (((index + delta) % count) + count) % count;
}
