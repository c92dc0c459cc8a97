import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Key } from '@/contract';
import { makeKey } from '@/test/make-key';
import { renderWithClient, stubFetch } from '../detail/test-utils';
import { BulkActionDialog } from './bulk-dialog';
import { KEY_ACTIONS, type KeyActionId } from './key-action-table';

configure({ asyncUtilTimeout: 5000 });

const FAULT = 'Injected fault: the key store timed out (trace 5f00)';

function setup(action: KeyActionId, keys: Key[], fail: (id: string) => boolean) {
  const byId = new Map(keys.map((k) => [k.identity, k]));
  const { fetchImpl, requests } = stubFetch((req) => {
    const m = /\/keys\/([^/]+)(?:\/(disable|cancel-deletion))?$/.exec(
      new URL(req.url, 'http://x').pathname,
    );
    const id = decodeURIComponent(m?.[1] ?? '');
    const key = byId.get(id);
    if (!key) return [404, { message: 'not found' }];
    if (fail(id)) return [500, { message: FAULT }];
    if (req.method === 'DELETE')
      return [
        200,
        { ...key, status: 'pending_deletion', deletionScheduledAt: '2027-01-01T00:00:00Z' },
      ];
    return [200, { ...key, status: 'disabled' }];
  });
  const onClose = vi.fn();
  const view = renderWithClient(
    <BulkActionDialog action={KEY_ACTIONS[action]} region="nl-01" keys={keys} onClose={onClose} />,
    fetchImpl,
  );
  const invalidate = vi.spyOn(view.queryClient, 'invalidateQueries');
  return { ...view, requests, onClose, invalidate };
}

describe('BulkActionDialog', () => {
  const active = Array.from({ length: 6 }, (_, i) => makeKey({ name: `svc-${i + 1}` }));
  const off = makeKey({ name: 'already-off', status: 'disabled' });

  it('lists what happens to how many keys and the skipped ones with their reason', () => {
    setup('disable', [...active, off], () => false);
    const dialog = screen.getByRole('dialog', { name: 'Disable 6 keys in nl-01' });
    expect(within(dialog).getByRole('list', { name: 'Keys to disable' }).children).toHaveLength(6);
    const skipped = within(dialog).getByRole('region', { name: 'Skipped keys' });
    expect(skipped).toHaveTextContent('1 key: The key is already disabled.');
    const skippedList = within(skipped).getByRole('list');
    expect(skippedList.children).toHaveLength(1);
    expect(skippedList).toHaveTextContent('already-off');
  });

  it('a failed key keeps its server message and succeeds on retry; the rest are done', async () => {
    const user = userEvent.setup();
    let isBroken = true;
    const broken = active[2]!.identity;
    const { requests, onClose, invalidate } = setup(
      'disable',
      [...active, off],
      (id) => isBroken && id === broken,
    );
    await user.click(screen.getByRole('button', { name: 'Disable 6 keys' }));
    const failed = await screen.findByRole('region', { name: 'Failed' });
    expect(failed).toHaveTextContent('svc-3');
    expect(failed).toHaveTextContent(FAULT);
    expect(screen.getByRole('status')).toHaveTextContent('5 done1 failed0 remaining');
    // The skipped key was never sent.
    expect(requests.some((r) => r.url.includes(off.identity))).toBe(false);
    // Lists refreshed once for the whole run, not once per key.
    const listRefreshes = () =>
      invalidate.mock.calls.filter(([f]) => JSON.stringify(f?.queryKey).includes('"list"')).length;
    expect(listRefreshes()).toBe(1);

    isBroken = false;
    const before = requests.length;
    await user.click(screen.getByRole('button', { name: 'Retry 1 key that failed' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Failed' })).toBeNull());
    expect(requests.slice(before).map((r) => r.url)).toEqual([
      `/v1/kms/nl-01/keys/${broken}/disable`,
    ]);
    expect(screen.getByRole('status')).toHaveTextContent('6 done0 failed0 remaining');
    expect(listRefreshes()).toBe(2);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledWith([]);
  });

  it('closing with a failure left hands back the keys still to do', async () => {
    const user = userEvent.setup();
    const broken = active[0]!.identity;
    const { onClose } = setup('disable', active, (id) => id === broken);
    await user.click(screen.getByRole('button', { name: 'Disable 6 keys' }));
    await screen.findByRole('region', { name: 'Failed' });
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledWith([broken]);
  });

  it('schedule deletion needs the typed count and region', async () => {
    const user = userEvent.setup();
    const pending = makeKey({
      name: 'going',
      status: 'pending_deletion',
      deletionScheduledAt: '2026-12-30T00:00:00Z',
    });
    const { requests } = setup('delete', [...active.slice(0, 3), pending], () => false);
    const confirm = screen.getByRole('button', { name: 'Schedule deletion of 3 keys' });
    expect(confirm).toBeDisabled();
    expect(screen.getByRole('region', { name: 'Skipped keys' })).toHaveTextContent(
      'Deletion is already scheduled.',
    );
    const input = screen.getByRole('textbox', { name: /Type delete 3 keys in nl-01 to confirm/ });
    await user.type(input, 'delete 3 keys in nl-02');
    expect(confirm).toBeDisabled();
    await user.clear(input);
    await user.type(input, 'delete 3 keys in nl-01');
    expect(confirm).toBeEnabled();
    await user.click(confirm);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('3 done'));
    expect(requests.filter((r) => r.method === 'DELETE')).toHaveLength(3);
  });

  it('with nothing the action applies to, offers no confirm at all', () => {
    setup('cancel-deletion', active.slice(0, 2), () => false);
    expect(screen.getByText('None of the selected keys allows this action.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Cancel deletion of/ })).toBeNull();
  });
});
