import { z } from 'zod';

/**
 * "Part of this address could not be read": route schemas fall back to the nearest valid view
 * and report what they dropped here; <UrlNotices> (in the root route) says so in a short toast.
 * Validation runs more than once per address, so one unreadable part is reported once in a row.
 */
type Listener = (message: string) => void;
const listeners = new Set<Listener>();
/** Reports made before anyone listens (the first address is read before the page renders). */
const unheard: string[] = [];
let lastReported = '';

export function reportUnreadableUrl(message: string, raw: string): void {
  const key = `${message}\u0000${raw}`;
  if (key === lastReported) return;
  lastReported = key;
  if (listeners.size === 0) unheard.splice(0, unheard.length, message);
  for (const listener of listeners) listener(message);
}

export function subscribeUrlNotices(listener: Listener): () => void {
  listeners.add(listener);
  for (const message of unheard.splice(0)) listener(message);
  return () => listeners.delete(listener);
}

/**
 * A route's validateSearch from an object schema whose fields each fall back (`.catch`): a
 * parameter given but dropped is reported by name, never as a list of schema issues.
 */
export function searchWithNotice<S extends z.ZodObject>(schema: S) {
  return (input: Record<string, unknown>): z.output<S> => {
    const out = schema.parse(input) as Record<string, unknown>;
    const dropped = Object.keys(schema.shape).filter(
      (k) => input[k] !== undefined && out[k] === undefined,
    );
    if (dropped.length > 0) {
      const names = dropped.map((k) => `“${k}”`).join(', ');
      const [noun, verb] = dropped.length === 1 ? ['parameter', 'was'] : ['parameters', 'were'];
      reportUnreadableUrl(
        `The address ${noun} ${names} could not be read and ${verb} ignored.`,
        JSON.stringify(dropped.map((k) => [k, input[k]])),
      );
    }
    return out as z.output<S>;
  };
}
