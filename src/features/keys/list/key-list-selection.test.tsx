import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { giveScrollerASize, renderKeyList, stubFetch } from './render-key-list';
import { makeKey } from '@/test/make-key';

configure({ asyncUtilTimeout: 5000 });

beforeAll(() => giveScrollerASize());

const name = (i: number) => `svc-${String(i).padStart(3, '0')}`;
const keys = Array.from({ length: 120 }, (_, i) =>
  makeKey({ name: name(i + 1), status: i % 10 === 0 ? 'disabled' : 'active' }),
);
const box = (n: number) => screen.getByRole('checkbox', { name: `Select ${name(n)}` });
const bar = () => screen.getByRole('toolbar', { name: 'Selected keys' });

async function renderList() {
  const { fetchImpl } = stubFetch({}, keys);
  renderKeyList('/regions/nl-01/keys', fetchImpl);
  await screen.findByRole('table', { name: 'Keys in nl-01' });
  return userEvent.setup();
}

// Many clicks on a list of 120 rows: room for a loaded machine (no timing is asserted).
describe('key list selection', { timeout: 60_000 }, () => {
  it('shift-click ticks the range from the last ticked row', async () => {
    const user = await renderList();
    expect(screen.queryByRole('toolbar', { name: 'Selected keys' })).toBeNull();
    await user.click(box(2));
    await user.keyboard('{Shift>}');
    await user.click(box(5));
    await user.keyboard('{/Shift}');
    expect(bar()).toHaveTextContent('4 keys selected');
    for (const n of [2, 3, 4, 5]) expect(box(n)).toBeChecked();
    expect(box(1)).not.toBeChecked();
    expect(box(6)).not.toBeChecked();
    // A plain click on a ticked row unticks only that one.
    await user.click(box(3));
    expect(bar()).toHaveTextContent('3 keys selected');
  });

  it('selects all the filter matches, rendered or not, and only those', async () => {
    const user = await renderList();
    const rendered = within(screen.getByRole('table')).getAllByRole('row').length - 1;
    expect(rendered).toBeLessThan(120);
    await user.click(box(1));
    await user.click(within(bar()).getByRole('button', { name: 'Select all 120 keys matching' }));
    expect(bar()).toHaveTextContent('120 keys selected');
    expect(screen.getByRole('checkbox', { name: 'Clear the selection' })).toBeChecked();

    // Narrowing the filter lets go of the keys it hides.
    await user.type(screen.getByRole('searchbox', { name: /Search keys/ }), 'svc-01');
    await waitFor(() => expect(bar()).toHaveTextContent('10 keys selected'));
    expect(bar()).toHaveTextContent('All keys matching the filter');
    await user.clear(screen.getByRole('searchbox', { name: /Search keys/ }));
    await waitFor(() =>
      expect(
        screen.getByRole('checkbox', { name: 'Select all 120 keys in the list' }),
      ).toHaveProperty('indeterminate', true),
    );
    expect(bar()).toHaveTextContent('10 keys selected');
  });

  it('the header checkbox selects every matching key, then clears', async () => {
    const user = await renderList();
    await user.click(screen.getByRole('checkbox', { name: 'Select all 120 keys in the list' }));
    expect(bar()).toHaveTextContent('120 keys selected');
    await user.click(screen.getByRole('checkbox', { name: 'Clear the selection' }));
    expect(screen.queryByRole('toolbar', { name: 'Selected keys' })).toBeNull();
  });

  it(
    'the actions say how many of the selected keys each applies to',
    { timeout: 60_000 },
    async () => {
      const user = await renderList();
      await user.click(box(1));
      await user.keyboard('{Shift>}');
      await user.click(box(3));
      await user.keyboard('{/Shift}');
      await user.click(within(bar()).getByRole('button', { name: 'Actions' }));
      // Named by its button (Radix labels the menu with its trigger).
      const menu = await screen.findByRole('menu', { name: 'Actions' });
      // svc-001 is disabled (every tenth key).
      expect(within(menu).getByRole('menuitem', { name: /Disable/ })).toHaveTextContent('2');
      expect(within(menu).getByRole('menuitem', { name: /Enable/ })).toHaveTextContent('1');
      expect(within(menu).getByRole('menuitem', { name: /Cancel deletion/ })).toHaveAttribute(
        'data-disabled',
      );
      await user.click(within(menu).getByRole('menuitem', { name: /Disable/ }));
      const dialog = await screen.findByRole('dialog', { name: 'Disable 2 keys in nl-01' });
      expect(within(dialog).getByRole('region', { name: 'Skipped keys' })).toHaveTextContent(
        'The key is already disabled.',
      );
    },
  );

  it("a row's menu opens the key page's dialog for that key", async () => {
    const user = await renderList();
    await user.click(screen.getByRole('button', { name: `Actions for ${name(2)}` }));
    const menu = await screen.findByRole('menu', { name: `Actions for ${name(2)}` });
    expect(within(menu).getByRole('menuitem', { name: /Copy curl command/ })).toBeInTheDocument();
    await user.click(within(menu).getByRole('menuitem', { name: 'Disable' }));
    expect(await screen.findByRole('dialog', { name: `Disable ${name(2)}?` })).toBeInTheDocument();
    // Choosing in the menu did not open the key (the row's click is not the menu's).
    expect(screen.queryByRole('heading', { name: /Key page/ })).toBeNull();
  });

  it('Shift+F10 or the menu key on a focused row opens its menu', async () => {
    const user = await renderList();
    screen.getByRole('link', { name: name(1) }).focus();
    await user.keyboard('{Shift>}{F10}{/Shift}');
    expect(await screen.findByRole('menu', { name: `Actions for ${name(1)}` })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    screen.getByRole('link', { name: name(1) }).focus();
    await user.keyboard('{ArrowDown}');
    await user.keyboard('{ContextMenu}');
    expect(await screen.findByRole('menu', { name: `Actions for ${name(2)}` })).toBeInTheDocument();
  });
});
