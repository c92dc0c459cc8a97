import { configure, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { giveScrollerASize, renderKeyList, SUMMARY } from './render-key-list';
import { makeKey } from '@/test/make-key';

configure({ asyncUtilTimeout: 5000 });

beforeAll(() => giveScrollerASize());

/** Answers project A's list at once and holds project B's until `releaseB` is called. */
function scopedFetch() {
  let releaseB: () => void = () => undefined;
  const heldB = new Promise<void>((resolve) => (releaseB = resolve));
  const json = (body: unknown) =>
    new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/v1/kms/summary') return json(SUMMARY);
    const project = new Headers(init?.headers).get('X-Project-Identity');
    if (project === 'proj-b') {
      await heldB;
      return json([makeKey({ name: 'Project B key', projectId: 'proj-b' })]);
    }
    return json([makeKey({ name: 'Project A key', projectId: 'proj-a' })]);
  };
  return { fetchImpl, releaseB: () => releaseB() };
}

describe('KeyListPage across project scopes', () => {
  it('never shows the previous project’s keys while the new project’s list loads', async () => {
    const { fetchImpl, releaseB } = scopedFetch();
    const { switchProject } = renderKeyList('/regions/nl-01/keys', fetchImpl);
    switchProject('proj-a');
    expect(await screen.findByRole('link', { name: 'Project A key' })).toBeInTheDocument();

    switchProject('proj-b');
    // Same region, another scope: project A's rows must not stand in for project B's.
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Project A key' })).toBeNull());
    expect(screen.queryByRole('table', { name: 'Keys in nl-01' })).toBeNull();

    releaseB();
    expect(await screen.findByRole('link', { name: 'Project B key' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Project A key' })).toBeNull();
  });
});
