import { describe, expect, it } from 'vitest';
import { keyListSchema } from '@/contract';
import { makeKey } from '@/test/make-key';
import { ResponseShapeError } from './api-client';
import { validateInSlices } from './validate-in-slices';

const big = (n: number) => Array.from({ length: n }, (_, i) => makeKey({ name: `key ${i}` }));

/** The error the endpoint's schema gives in one go, as the client words it. */
function oneGoError(json: unknown) {
  const result = keyListSchema.safeParse(json);
  if (result.success) throw new Error('expected a failure');
  return ResponseShapeError.fromIssues('listKeys', result.error.issues);
}

describe('validateInSlices', () => {
  it('checks every row: a bad row deep in 10,000 fails as the whole-list check does', async () => {
    const rows: unknown[] = big(10_000).map((k) => ({ ...k }));
    rows[9_876] = { ...(rows[9_876] as object), status: 'melted' };
    rows[9_990] = { ...(rows[9_990] as object), latestVersion: 'one' };
    const error = await validateInSlices('listKeys', keyListSchema, rows, { sliceMs: 1 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ResponseShapeError);
    const expected = oneGoError(rows);
    expect((error as ResponseShapeError).message).toBe(expected.message);
    expect((error as ResponseShapeError).issues).toEqual(expected.issues);
    expect((error as ResponseShapeError).message).toMatch(/9876\.status/);
  });

  it('gives the rows before checking any, then yields between slices', async () => {
    const keys = big(300);
    const events: string[] = [];
    const result = await validateInSlices(
      'listKeys',
      keyListSchema,
      keys.map((k) => ({ ...k, extra: 1 })),
      {
        sliceMs: 0, // one row a slice
        onRows: (rows) => events.push(`rows ${rows.length}`),
        yieldNow: async () => void events.push('yield'),
      },
    );
    expect(events[0]).toBe('rows 300');
    expect(events.filter((e) => e === 'yield')).toHaveLength(300);
    expect(result).toEqual(keys); // unknown fields dropped, as the schema does
  });

  it('answers a body that is not a list as the schema does', async () => {
    const body = { items: big(2) };
    await expect(validateInSlices('listKeys', keyListSchema, body)).rejects.toThrow(
      oneGoError(body).message,
    );
    await expect(validateInSlices('listKeys', keyListSchema, [])).resolves.toEqual([]);
  });

  it('stops between slices when aborted', async () => {
    const controller = new AbortController();
    let slices = 0;
    const done = validateInSlices('listKeys', keyListSchema, big(50), {
      sliceMs: 0,
      signal: controller.signal,
      yieldNow: async () => {
        slices += 1;
        if (slices === 3) controller.abort();
      },
    });
    await expect(done).rejects.toMatchObject({ name: 'AbortError' });
    expect(slices).toBe(3);
  });
});
