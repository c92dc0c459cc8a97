import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ConfirmDialog } from './confirm-dialog';

function Harness({ onConfirm = () => {} }: { onConfirm?: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button onClick={() => setOpen(true)}>Delete key</button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title="Schedule deletion"
        confirmLabel="Schedule deletion"
        variant="danger"
        confirmationText="nl-01/payments"
        acknowledgement="I understand"
        onConfirm={onConfirm}
      >
        <p>The key will be purged after 30 days.</p>
      </ConfirmDialog>
    </>
  );
}

describe('ConfirmDialog', () => {
  it('opens without a Radix trigger and returns focus to the opener on close', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const opener = screen.getByRole('button', { name: 'Delete key' });
    await user.click(opener);
    expect(await screen.findByRole('dialog', { name: 'Schedule deletion' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(opener).toHaveFocus();
  });

  it('confirms only after the acknowledgement and the exact typed text, and forgets both on reopen', async () => {
    const user = userEvent.setup();
    let confirmed = 0;
    render(<Harness onConfirm={() => confirmed++} />);
    await user.click(screen.getByRole('button', { name: 'Delete key' }));
    const confirm = screen.getByRole('button', { name: 'Schedule deletion' });
    expect(confirm).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'I understand' }));
    await user.type(screen.getByLabelText(/to confirm/), 'nl-01/payment');
    expect(confirm).toBeDisabled();
    await user.type(screen.getByLabelText(/to confirm/), 's');
    expect(confirm).toBeEnabled();
    await user.click(confirm);
    expect(confirmed).toBe(1);

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'Delete key' }));
    expect(screen.getByLabelText(/to confirm/)).toHaveValue('');
    expect(screen.getByRole('checkbox', { name: 'I understand' })).not.toBeChecked();
  });
});

/** An action that, once confirmed, is no longer possible: its button is replaced by a disabled one. */
function SwappingActions() {
  const [open, setOpen] = useState(false);
  const [isScheduled, setIsScheduled] = useState(false);
  return (
    <div role="group" aria-label="Key actions">
      <button disabled>Rotate now</button>
      <button>Disable</button>
      {isScheduled ? (
        <span tabIndex={0}>
          <button disabled>Schedule deletion</button>
        </span>
      ) : (
        <button onClick={() => setOpen(true)}>Schedule deletion</button>
      )}
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title="Schedule deletion?"
        confirmLabel="Schedule"
        onConfirm={() => {
          setIsScheduled(true);
          setOpen(false);
        }}
      >
        <p>The key is purged after the waiting period.</p>
      </ConfirmDialog>
    </div>
  );
}

describe('Dialog focus return', () => {
  it('gives focus to the first enabled control of the group when the opener is gone', async () => {
    const user = userEvent.setup();
    render(<SwappingActions />);
    await user.click(screen.getByRole('button', { name: 'Schedule deletion' }));
    await user.click(await screen.findByRole('button', { name: 'Schedule' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByRole('button', { name: 'Disable' })).toHaveFocus());
  });
});

describe('ConfirmDialog inside a form', () => {
  it('does not submit the surrounding form when confirmed', async () => {
    const user = userEvent.setup();
    let outerSubmits = 0;
    let confirmed = 0;
    render(
      <form
        onSubmit={(e) => {
          e.preventDefault();
          outerSubmits++;
        }}
      >
        <ConfirmDialog
          open
          onOpenChange={() => {}}
          title="Allow export"
          confirmLabel="Allow"
          onConfirm={() => confirmed++}
        >
          <p>Material can leave the platform.</p>
        </ConfirmDialog>
      </form>,
    );
    await user.click(screen.getByRole('button', { name: 'Allow' }));
    expect(confirmed).toBe(1);
    expect(outerSubmits).toBe(0);
  });
});
