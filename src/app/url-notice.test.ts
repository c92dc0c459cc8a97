import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeError } from '@/components/errors/describe-error';
import { keyListSearchSchema } from '@/features/keys/list/key-list-search';
import { searchWithNotice, subscribeUrlNotices } from './url-notice';

const heard: string[] = [];
const stop = subscribeUrlNotices((m) => heard.push(m));
afterEach(() => {
  heard.length = 0;
});
afterAll(stop);

describe('searchWithNotice', () => {
  const validate = searchWithNotice(keyListSearchSchema);

  it('keeps what it can read and names what it dropped, once', () => {
    expect(validate({ q: 'pay', sort: 'bogus' })).toEqual({ q: 'pay' });
    validate({ q: 'pay', sort: 'bogus' });
    expect(heard).toEqual(['The address parameter “sort” could not be read and was ignored.']);
  });

  it('names several dropped parameters, and says nothing for a readable address', () => {
    validate({ sort: 'name', dir: 'asc' });
    expect(heard).toEqual([]);
    validate({ sort: 'x', dir: 'sideways' });
    expect(heard).toEqual([
      'The address parameters “sort”, “dir” could not be read and were ignored.',
    ]);
  });
});

describe('describeError', () => {
  it('never shows a schema issue list', () => {
    const error = z.object({ tab: z.enum(['a']) }).safeParse({ tab: 'b' }).error;
    const d = describeError(error);
    expect(d.title).toBe('This page could not be read');
    expect(`${d.title} ${d.detail}`).not.toMatch(/invalid_|"code"|\[/);
  });
});
