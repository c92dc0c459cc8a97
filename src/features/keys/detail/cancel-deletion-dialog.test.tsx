import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CancelDeletionDialog } from './cancel-deletion-dialog';
import { ordersKey, renderWithClient, stubFetch } from './test-utils';

const pending = ordersKey({
  status: 'pending_deletion',
  deletionScheduledAt: '2026-04-01T00:00:00Z',
});

function setup(disableAnswer: [number, unknown] = [200, ordersKey({ status: 'disabled' })]) {
  const stub = stubFetch((req) => {
    if (req.url.endsWith('/cancel-deletion')) return [200, ordersKey({ status: 'active' })];
    if (req.url.endsWith('/disable')) return disableAnswer;
    return [404, { message: 'not found' }];
  });
  const onDone = vi.fn();
  renderWithClient(
    <CancelDeletionDialog
      kmsKey={pending}
      region="nl-01"
      open
      onOpenChange={() => {}}
      onDone={onDone}
    />,
    stub.fetchImpl,
  );
  const paths = () =>
    stub.requests.map((r) => `${r.method} ${new URL(r.url, 'http://x').pathname}`);
  return { onDone, paths };
}

describe('CancelDeletionDialog', () => {
  it('says a cancelled key becomes active, also one that was disabled before', () => {
    setup();
    const dialog = screen.getByRole('dialog', { name: /Cancel deletion of Orders key/ });
    expect(dialog).toHaveTextContent(/returns to active/);
    expect(dialog).toHaveTextContent(/even if the key was disabled before/);
    expect(
      screen.getByRole('button', { name: 'Cancel deletion and keep it disabled' }),
    ).toBeEnabled();
  });

  it('plain cancel: one request, the key is active', async () => {
    const user = userEvent.setup();
    const { onDone, paths } = setup();
    await user.click(screen.getByRole('button', { name: 'Cancel deletion' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(onDone.mock.calls[0]![0]).toMatchObject({
      isDisabled: false,
      key: { status: 'active' },
    });
    expect(paths()).toEqual(['DELETE /v1/kms/nl-01/keys/kms-test0001/cancel-deletion']);
  });

  it('keep disabled: cancels, then disables, in that order', async () => {
    const user = userEvent.setup();
    const { onDone, paths } = setup();
    await user.click(screen.getByRole('button', { name: 'Cancel deletion and keep it disabled' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(onDone.mock.calls[0]![0]).toMatchObject({
      isDisabled: true,
      key: { status: 'disabled' },
    });
    expect(paths()).toEqual([
      'DELETE /v1/kms/nl-01/keys/kms-test0001/cancel-deletion',
      'POST /v1/kms/nl-01/keys/kms-test0001/disable',
    ]);
  });

  it('reports each step when disabling fails after the cancel, and offers to retry', async () => {
    const user = userEvent.setup();
    const { onDone, paths } = setup([400, { message: 'Key is busy' }]);
    await user.click(screen.getByRole('button', { name: 'Cancel deletion and keep it disabled' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /The deletion was cancelled, but disabling failed: .*Key is busy.*The key is active now/,
    );
    const progress = screen.getByRole('status', { name: 'Progress' });
    expect(progress).toHaveTextContent('Cancel deletion: done');
    expect(progress).toHaveTextContent('Disable the key: failed');
    expect(onDone).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Try disabling again' }));
    await waitFor(() => expect(paths().filter((p) => p.endsWith('/disable'))).toHaveLength(2));
    expect(paths().filter((p) => p.endsWith('/cancel-deletion'))).toHaveLength(1);
  });
});
