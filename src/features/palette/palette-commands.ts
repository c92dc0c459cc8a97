import { queryTerms } from '@/features/keys';

export type CommandIcon =
  'create' | 'region' | 'audit' | 'calendar' | 'regions' | 'theme' | 'sign-out';

/** Something the palette can do besides opening a key. */
export interface PaletteCommand {
  id: string;
  label: string;
  /** Shown at the end of the row (e.g. the region's slug). */
  hint?: string;
  /** Other words it is found by. */
  keywords?: string;
  icon: CommandIcon;
  run: () => void;
}

/** Commands whose label, hint or keywords hold every term; all of them for an empty query. */
export function filterCommands(
  commands: readonly PaletteCommand[],
  query: string,
): PaletteCommand[] {
  const terms = queryTerms(query);
  if (!terms.length) return commands.slice();
  return commands.filter((c) => {
    const text = `${c.label} ${c.hint ?? ''} ${c.keywords ?? ''}`.toLowerCase();
    return terms.every((t) => text.includes(t));
  });
}
