import { describe, expect, it } from 'vitest';
import { listSearchFor, rememberListSearch } from './list-return';

describe('list return', () => {
  it('gives back the last list search of a region, without the project scope', () => {
    expect(listSearchFor('xx-01')).toEqual({});
    // What the router hands the list: its own fields plus the root's project scope.
    const fromRouter = { q: 'payments', status: 'disabled', project: 'proj-web' };
    rememberListSearch('xx-01', fromRouter);
    rememberListSearch('xx-02', { q: 'other' });
    expect(listSearchFor('xx-01')).toEqual({ q: 'payments', status: 'disabled' });
    expect(listSearchFor('xx-02')).toEqual({ q: 'other' });
  });
});
