import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The first load of Radix in a test is slow on a busy machine (no timing is asserted).
configure({ asyncUtilTimeout: 5000 });

// The kit loads Radix on first use, once per page: each test imports the kit afresh, so that it
// starts, as a page does, with nothing loaded.
beforeEach(() => {
  vi.resetModules();
});

async function themeMenu(onPick = vi.fn()) {
  const kit = await import('./dropdown-menu');
  function ThemeMenu() {
    return (
      <kit.Menu modal={false}>
        <kit.MenuTrigger asChild>
          <button type="button" className="own">
            Theme
          </button>
        </kit.MenuTrigger>
        <kit.MenuContent>
          <kit.MenuLabel>Theme</kit.MenuLabel>
          <kit.MenuItem onSelect={() => onPick('light')}>Light</kit.MenuItem>
          <kit.MenuItem onSelect={() => onPick('dark')}>Dark</kit.MenuItem>
        </kit.MenuContent>
      </kit.Menu>
    );
  }
  render(<ThemeMenu />);
  return screen.getByRole('button', { name: 'Theme' });
}

describe('Menu (Radix loaded on first use)', () => {
  it('is a closed menu button until used, and opens on the first click', async () => {
    const onPick = vi.fn();
    const user = userEvent.setup();
    const trigger = await themeMenu(onPick);
    expect(trigger).toHaveAttribute('aria-haspopup', 'menu');
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
    expect(trigger).toHaveClass('own');
    expect(screen.queryByRole('menu')).toBeNull();
    await user.click(trigger);
    expect(await screen.findByRole('menu')).toBeVisible();
    await user.click(screen.getByRole('menuitem', { name: 'Dark' }));
    expect(onPick).toHaveBeenCalledWith('dark');
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    // Now Radix's own trigger: it opens again, and Escape gives focus back to it.
    const live = screen.getByRole('button', { name: 'Theme' });
    expect(live).toHaveAttribute('aria-expanded', 'false');
    await user.click(live);
    expect(await screen.findByRole('menu')).toBeVisible();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    expect(screen.getByRole('button', { name: 'Theme' })).toHaveFocus();
  });

  it('opened from the keyboard, focuses the first item as a keyboard opening does', async () => {
    const user = userEvent.setup();
    const trigger = await themeMenu();
    await user.tab();
    expect(trigger).toHaveFocus();
    await user.keyboard('{Enter}');
    const first = await screen.findByRole('menuitem', { name: 'Light' });
    await waitFor(() => expect(first).toHaveFocus());
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Dark' })).toHaveFocus();
  });

  it('opens when its owner sets `open` (a shortcut elsewhere), before anything loaded', async () => {
    const kit = await import('./dropdown-menu');
    function RowMenu() {
      const [isOpen, setIsOpen] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setIsOpen(true)}>
            Shortcut
          </button>
          <kit.Menu open={isOpen} onOpenChange={setIsOpen}>
            <kit.MenuTrigger asChild>
              <button type="button">Actions</button>
            </kit.MenuTrigger>
            <kit.MenuContent>
              <kit.MenuItem>Rotate now</kit.MenuItem>
            </kit.MenuContent>
          </kit.Menu>
        </>
      );
    }
    const user = userEvent.setup();
    render(<RowMenu />);
    await user.click(screen.getByRole('button', { name: 'Shortcut' }));
    expect(await screen.findByRole('menuitem', { name: 'Rotate now' })).toBeVisible();
  });
});

describe('Popover (Radix loaded on first use)', () => {
  it('opens on the first click, as a dialog button', async () => {
    const kit = await import('./popover');
    function Scope() {
      const [isOpen, setIsOpen] = useState(false);
      return (
        <kit.Popover open={isOpen} onOpenChange={setIsOpen}>
          <kit.PopoverTrigger asChild>
            <button type="button">Scope</button>
          </kit.PopoverTrigger>
          <kit.PopoverContent aria-label="Scope panel">
            <button type="button">Organisation scope</button>
          </kit.PopoverContent>
        </kit.Popover>
      );
    }
    const user = userEvent.setup();
    render(<Scope />);
    const trigger = screen.getByRole('button', { name: 'Scope' });
    expect(trigger).toHaveAttribute('aria-haspopup', 'dialog');
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(trigger);
    expect(await screen.findByRole('dialog', { name: 'Scope panel' })).toBeVisible();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});

describe('Toasts (Radix loaded with the first)', () => {
  it('shows the first toast in the notifications region', async () => {
    const kit = await import('./toast');
    function Page() {
      const toast = kit.useToast();
      return (
        <button type="button" onClick={() => toast({ title: 'Key rotated', tone: 'success' })}>
          Rotate
        </button>
      );
    }
    const user = userEvent.setup();
    render(
      <kit.ToastProvider>
        <Page />
      </kit.ToastProvider>,
    );
    expect(screen.queryByRole('region', { name: /Notifications/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Rotate' }));
    const region = await screen.findByRole('region', { name: /Notifications/ });
    expect(await within(region).findByText('Key rotated')).toBeInTheDocument();
  });
});

describe('Tooltip (Radix loaded on first hover or focus)', () => {
  async function hinted() {
    const kit = await import('./tooltip');
    render(
      <kit.TooltipProvider delayDuration={50}>
        <p>
          <kit.Tooltip content="Fixed at creation">
            <button type="button">Key type</button>
          </kit.Tooltip>
        </p>
      </kit.TooltipProvider>,
    );
    return screen.getByRole('button', { name: 'Key type' });
  }

  it('shows on focus, and the trigger keeps the focus', async () => {
    const user = userEvent.setup();
    const trigger = await hinted();
    await user.tab();
    expect(trigger).toHaveFocus();
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Fixed at creation');
    expect(screen.getByRole('button', { name: 'Key type' })).toHaveFocus();
  });

  // (Closing as the pointer leaves is Radix's own, measured against layout jsdom lacks.)
  it('shows when the pointer rests on the trigger', async () => {
    const user = userEvent.setup();
    const trigger = await hinted();
    await user.hover(trigger);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Fixed at creation');
  });
});

describe('Sheet (Radix Dialog loaded on first use)', () => {
  async function sheetHarness() {
    const kit = await import('./sheet');
    function Harness() {
      const [open, setOpen] = useState(false);
      return (
        <div onKeyDown={(e) => e.key === 'F2' && setOpen(true)}>
          <input aria-label="Elsewhere" />
          <kit.Sheet
            open={open}
            onOpenChange={setOpen}
            placement="top"
            title="Search"
            trigger={<button type="button">Search</button>}
          >
            <p>Results</p>
          </kit.Sheet>
        </div>
      );
    }
    render(<Harness />);
  }

  it('is a closed dialog button until used, and opens on the first click', async () => {
    const user = userEvent.setup();
    await sheetHarness();
    const trigger = screen.getByRole('button', { name: 'Search' });
    expect(trigger).toHaveAttribute('aria-haspopup', 'dialog');
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(trigger);
    expect(await screen.findByRole('dialog', { name: 'Search' })).toHaveTextContent('Results');
  });

  it('opened by a shortcut before it has loaded, opens once loaded and gives focus back', async () => {
    const user = userEvent.setup();
    await sheetHarness();
    const elsewhere = screen.getByRole('textbox', { name: 'Elsewhere' });
    await user.click(elsewhere);
    await user.keyboard('{F2}');
    expect(await screen.findByRole('dialog', { name: 'Search' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(elsewhere).toHaveFocus();
  });
});
