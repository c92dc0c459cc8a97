import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { HeaderMenu } from './header-menu';

function renderMenu(menuKey: string, onSignOut = vi.fn()) {
  const ui = (key: string) => (
    <HeaderMenu
      nav={<a href="#audit">Audit</a>}
      context={<button type="button">Region: nl-01</button>}
      onSignOut={onSignOut}
      menuKey={key}
    />
  );
  const view = render(ui(menuKey));
  return { ...view, onSignOut, rerenderAt: (key: string) => view.rerender(ui(key)) };
}

describe('HeaderMenu', () => {
  it('opens a labelled menu with navigation, switchers, theme and sign-out', async () => {
    const user = userEvent.setup();
    const { onSignOut } = renderMenu('/regions');
    await user.click(screen.getByRole('button', { name: 'Menu' }));
    const menu = await screen.findByRole('dialog', { name: 'Menu' });
    expect(within(menu).getByRole('navigation', { name: 'Main' })).toHaveTextContent('Audit');
    expect(within(menu).getByRole('button', { name: 'Region: nl-01' })).toBeInTheDocument();
    expect(within(menu).getByRole('button', { name: /^Theme:/ })).toBeInTheDocument();
    await user.click(within(menu).getByRole('button', { name: 'Sign out' }));
    expect(onSignOut).toHaveBeenCalledOnce();
  });

  it('closes when the location changes, and on Escape with focus back on the button', async () => {
    const user = userEvent.setup();
    const { rerenderAt } = renderMenu('/regions');
    await user.click(screen.getByRole('button', { name: 'Menu' }));
    expect(await screen.findByRole('dialog', { name: 'Menu' })).toBeInTheDocument();
    rerenderAt('/regions/nl-02/keys');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Menu' }));
    expect(await screen.findByRole('dialog', { name: 'Menu' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Menu' })).toHaveFocus();
  });

  it('closes when a navigation link is followed', async () => {
    const user = userEvent.setup();
    renderMenu('/regions');
    await user.click(screen.getByRole('button', { name: 'Menu' }));
    await user.click(await screen.findByRole('link', { name: 'Audit' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
