import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Sheet } from './sheet';

/** A sheet opened by its trigger or, as the palette is, by a shortcut from anywhere. */
function Harness({ isTitleHidden = false }: { isTitleHidden?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <div onKeyDown={(e) => e.key === 'F2' && setOpen(true)}>
      <input aria-label="Elsewhere" />
      <Sheet
        open={open}
        onOpenChange={setOpen}
        placement="side"
        title="Menu"
        isTitleHidden={isTitleHidden}
        closeLabel="Close menu"
        trigger={<button type="button">Open menu</button>}
      >
        <a href="#audit">Audit</a>
      </Sheet>
    </div>
  );
}

describe('Sheet', () => {
  it('is a dialog named by its title, closed by its close button, focus back on the trigger', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Open menu' }));
    const sheet = await screen.findByRole('dialog', { name: 'Menu' });
    expect(sheet).toHaveTextContent('Audit');
    await user.click(screen.getByRole('button', { name: 'Close menu' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Open menu' })).toHaveFocus();
  });

  it('opened from elsewhere, gives focus back there on Escape', async () => {
    const user = userEvent.setup();
    render(<Harness isTitleHidden />);
    const elsewhere = screen.getByRole('textbox', { name: 'Elsewhere' });
    await user.click(elsewhere);
    await user.keyboard('{F2}');
    expect(await screen.findByRole('dialog', { name: 'Menu' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Close menu' })).not.toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(elsewhere).toHaveFocus();
  });

  it('opened while nothing had focus, gives focus to its trigger on close', async () => {
    render(<Harness />);
    expect(document.activeElement).toBe(document.body);
    fireEvent.keyDown(document.body.firstElementChild!.firstElementChild!, { key: 'F2' });
    expect(await screen.findByRole('dialog', { name: 'Menu' })).toBeInTheDocument();
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Open menu' })).toHaveFocus();
  });
});
