import type { z } from 'zod';
import type { EndpointName } from '@/contract';
import { ResponseShapeError } from './api-client';

/** How long one slice of validation may hold the main thread before it yields (ms). */
const SLICE_MS = 8;

export interface SliceOptions {
  /** Called with the rows once the body is known to be an array, before any row is checked. */
  onRows?: (rows: readonly unknown[]) => void;
  /** Stops between slices (rejects with the signal's reason). */
  signal?: AbortSignal | undefined;
  /** Lets the browser paint and handle input between slices; default scheduler.yield or a task. */
  yieldNow?: () => Promise<void>;
  /** Time budget of one slice; at least one row is checked per slice. */
  sliceMs?: number;
}

function defaultYield(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Validates a list body against `schema` (an array schema) without holding the main thread: the
 * array itself at once, then its rows in slices of a few milliseconds, yielding between them.
 * Every row is checked; the result and the errors are those of `schema.safeParse` in one go (every
 * issue of every row, paths starting with the row's index), as a ResponseShapeError.
 */
export async function validateInSlices<T extends z.ZodType>(
  endpoint: EndpointName,
  schema: z.ZodArray<T>,
  json: unknown,
  options: SliceOptions = {},
): Promise<z.infer<T>[]> {
  if (!Array.isArray(json)) {
    // Not a list: the array schema's own answer (and its message) in one go.
    const whole = schema.safeParse(json);
    if (!whole.success) throw ResponseShapeError.fromIssues(endpoint, whole.error.issues);
    return whole.data;
  }
  const rows: readonly unknown[] = json;
  options.onRows?.(rows);
  const yieldNow = options.yieldNow ?? defaultYield;
  const budget = options.sliceMs ?? SLICE_MS;
  const out: z.infer<T>[] = new Array(rows.length);
  const issues: { path: PropertyKey[]; message: string }[] = [];
  let index = 0;
  while (index < rows.length) {
    await yieldNow();
    options.signal?.throwIfAborted();
    const started = performance.now();
    do {
      const row = schema.element.safeParse(rows[index]);
      if (row.success) out[index] = row.data;
      else for (const i of row.error.issues) issues.push({ ...i, path: [index, ...i.path] });
      index++;
    } while (index < rows.length && performance.now() - started < budget);
  }
  if (issues.length) throw ResponseShapeError.fromIssues(endpoint, issues);
  return out;
}
