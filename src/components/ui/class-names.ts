/** Joins class names (or ids, for aria-describedby), skipping the empty ones; undefined when none. */
export function cx(...names: (string | false | null | undefined)[]): string | undefined {
  return names.filter(Boolean).join(' ') || undefined;
}
