import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Button } from '@/components/ui/button';
import type { Key } from '@/contract';
import { keyDetailQuery } from '../api';
import { ExportDialog } from './export-dialog';
import { ordersKey, renderWithClient, stubFetch } from './test-utils';

const MATERIAL = 'q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=';

/** Opens and closes the dialog the way the key page does: it is unmounted when closed. */
function Harness({ kmsKey }: { kmsKey: Key }) {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setIsOpen(true)}>Export</Button>
      {isOpen ? (
        <ExportDialog kmsKey={kmsKey} region="nl-01" onClose={() => setIsOpen(false)} />
      ) : null}
    </>
  );
}

const key = ordersKey({ exportAllowed: true, slug: 'orders-key' });

function setup(answer: [number, unknown] = [200, { keyMaterial: MATERIAL, keyVersion: '1' }]) {
  const stub = stubFetch((req) => (req.url.endsWith('/export') ? answer : [200, key]));
  const utils = renderWithClient(<Harness kmsKey={key} />, stub.fetchImpl);
  return { ...utils, ...stub };
}

const exportRequests = (requests: { url: string }[]) =>
  requests.filter((r) => r.url.endsWith('/export'));

async function passGate(user: ReturnType<typeof userEvent.setup>, phrase = 'nl-01/orders-key') {
  await user.click(screen.getByRole('button', { name: 'Export' }));
  await user.click(screen.getByRole('checkbox', { name: /cannot be revoked/ }));
  await user.type(screen.getByRole('textbox', { name: /to confirm/i }), phrase);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('ExportDialog', () => {
  it('cannot fetch without the acknowledgement and the exact region/slug', async () => {
    const user = userEvent.setup();
    const { requests } = setup();
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const submit = screen.getByRole('button', { name: 'Export version 2' });
    expect(submit).toBeDisabled();
    const typed = screen.getByRole('textbox', { name: /to confirm/i });
    await user.click(screen.getByRole('checkbox', { name: /cannot be revoked/ }));
    await user.type(typed, 'orders-key');
    expect(submit).toBeDisabled(); // the slug alone is not the phrase
    await user.clear(typed);
    await user.type(typed, 'nl-01/orders-key');
    expect(submit).toBeEnabled();
    await user.click(screen.getByRole('checkbox', { name: /cannot be revoked/ }));
    expect(submit).toBeDisabled(); // no acknowledgement
    await user.click(screen.getByRole('checkbox', { name: /cannot be revoked/ }));
    await user.type(typed, 'x');
    expect(submit).toBeDisabled(); // "nl-01/orders-keyx" is not the phrase
    expect(exportRequests(requests)).toHaveLength(0);
  });

  it('fetches the chosen version only on the explicit action and shows it masked', async () => {
    const user = userEvent.setup();
    const { requests } = setup();
    await passGate(user);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Version' }), '1');
    expect(exportRequests(requests)).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Export version 1' }));
    const pre = await screen.findByTestId('export-material');
    expect(exportRequests(requests)).toEqual([
      expect.objectContaining({ method: 'POST', body: { keyVersion: '1' } }),
    ]);
    expect(pre).not.toHaveTextContent(MATERIAL);
    expect(document.body.textContent).not.toContain(MATERIAL);
    await user.click(screen.getByRole('button', { name: 'Reveal' }));
    expect(pre).toHaveTextContent(MATERIAL);
    await user.click(screen.getByRole('button', { name: 'Hide' }));
    expect(pre).not.toHaveTextContent(MATERIAL);
  });

  it('never puts the material in the React Query cache', async () => {
    const user = userEvent.setup();
    const { queryClient, client } = setup();
    // A cached key detail, as on the real page.
    await queryClient.fetchQuery(keyDetailQuery(client, 'nl-01', key.identity));
    await passGate(user);
    await user.click(screen.getByRole('button', { name: 'Export version 2' }));
    await user.click(await screen.findByRole('button', { name: 'Reveal' }));
    expect(screen.getByTestId('export-material')).toHaveTextContent(MATERIAL);
    const cached = JSON.stringify([
      queryClient
        .getQueryCache()
        .getAll()
        .map((q) => [q.queryKey, q.state]),
      queryClient
        .getMutationCache()
        .getAll()
        .map((m) => m.state),
    ]);
    expect(queryClient.getQueryCache().getAll().length).toBeGreaterThan(0);
    expect(cached).not.toContain(MATERIAL);
    expect(cached).not.toContain('keyMaterial');
  });

  it('clears the material after 60 seconds, with a countdown', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    setup();
    await passGate(user);
    await user.click(screen.getByRole('button', { name: 'Export version 2' }));
    expect(await screen.findByRole('timer')).toHaveTextContent(/Cleared from this page in 60 s/);
    await act(async () => {
      vi.advanceTimersByTime(30_000);
    });
    expect(screen.getByRole('timer')).toHaveTextContent(/in 30 s/);
    await act(async () => {
      vi.advanceTimersByTime(30_500);
    });
    expect(screen.queryByTestId('export-material')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(/cleared from this page/);
    expect(document.body.textContent).not.toContain(MATERIAL);
    // Re-armed: consent is asked again from scratch before another export.
    expect(screen.getByRole('checkbox', { name: /cannot be revoked/ })).not.toBeChecked();
    expect(screen.getByRole('textbox', { name: /to confirm/i })).toHaveValue('');
    expect(screen.getByRole('button', { name: 'Export version 2' })).toBeDisabled();
  });

  it('is re-armed after Clear now as well', async () => {
    const user = userEvent.setup();
    setup();
    await passGate(user);
    await user.click(screen.getByRole('button', { name: 'Export version 2' }));
    await user.click(await screen.findByRole('button', { name: 'Clear now' }));
    expect(screen.getByRole('checkbox', { name: /cannot be revoked/ })).not.toBeChecked();
    expect(screen.getByRole('textbox', { name: /to confirm/i })).toHaveValue('');
  });

  it('clears the material when the dialog closes: reopening shows the gate again', async () => {
    const user = userEvent.setup();
    const { requests } = setup();
    await passGate(user);
    await user.click(screen.getByRole('button', { name: 'Export version 2' }));
    await user.click(await screen.findByRole('button', { name: 'Reveal' }));
    await user.click(screen.getByRole('button', { name: 'Close dialog' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(document.body.textContent).not.toContain(MATERIAL);
    await user.click(screen.getByRole('button', { name: 'Export' }));
    expect(screen.queryByTestId('export-material')).not.toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /cannot be revoked/ })).not.toBeChecked();
    expect(screen.getByRole('textbox', { name: /to confirm/i })).toHaveValue('');
    expect(exportRequests(requests)).toHaveLength(1);
  });

  it('shows a refusal in place with the server message', async () => {
    const user = userEvent.setup();
    setup([400, { message: 'Key material export is not allowed for this key' }]);
    await passGate(user);
    await user.click(screen.getByRole('button', { name: 'Export version 2' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Key material export is not allowed for this key',
    );
    expect(screen.getByRole('textbox', { name: /to confirm/i })).toHaveValue('nl-01/orders-key');
  });
});
