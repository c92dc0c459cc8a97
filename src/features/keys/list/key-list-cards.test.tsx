import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { giveScrollerASize, renderKeyList, stubFetch } from './render-key-list';
import { makeKey } from '@/test/make-key';

configure({ asyncUtilTimeout: 5000 });

// A phone: the narrow-viewport media query matches. jsdom has no layout, so the scroll frame
// gets a size for the virtualizer to render rows.
beforeAll(() => {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query.includes('max-width'),
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
  giveScrollerASize({ height: 700, width: 358 });
});
afterAll(() => vi.unstubAllGlobals());

const keys = [
  makeKey({ name: 'Payments DB', keyRotationEnabled: true, rotationPeriodInDays: 90 }),
  makeKey({ name: 'Artefact signing', keyType: 'ed25519', status: 'disabled' }),
  makeKey({ name: 'Old backups', latestVersion: 7 }),
];

const rows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);

describe('KeyListPage on a phone', () => {
  it('shows each key as one card: name, slug, status, type, rotation, latest version', async () => {
    const { fetchImpl } = stubFetch({}, keys);
    renderKeyList('/regions/nl-01/keys', fetchImpl);
    const table = await screen.findByRole('table', { name: 'Keys in nl-01' });
    expect(within(table).getAllByRole('columnheader')).toHaveLength(1);
    await waitFor(() => expect(rows()).toHaveLength(3));
    const payments = rows().find((r) => within(r).queryByRole('link', { name: 'Payments DB' }));
    expect(payments).toBeDefined();
    expect(within(payments!).getAllByRole('cell')).toHaveLength(1);
    expect(payments).toHaveTextContent(keys[0]!.slug);
    expect(payments).toHaveTextContent('Active');
    expect(payments).toHaveTextContent('AES-256-GCM');
    expect(payments).toHaveTextContent('Rotates every 90 days');
    expect(payments).toHaveTextContent('Latest version v1');
    const backups = rows().find((r) => within(r).queryByRole('link', { name: 'Old backups' }));
    expect(backups).toHaveTextContent('Rotation off');
    expect(backups).toHaveTextContent('Latest version v7');
  });

  it('sorts by the chosen field and reverses the order, in the URL', async () => {
    const user = userEvent.setup();
    const { fetchImpl } = stubFetch({}, keys);
    const { router } = renderKeyList('/regions/nl-01/keys', fetchImpl);
    await screen.findByRole('table');
    await user.selectOptions(screen.getByLabelText('Sort by'), 'Latest version');
    await waitFor(() =>
      expect(router.state.location.search).toMatchObject({ sort: 'latestVersion' }),
    );
    await user.click(screen.getByRole('button', { name: /Reverse the order \(now ascending\)/ }));
    await waitFor(() => expect(router.state.location.search).toMatchObject({ dir: 'desc' }));
    await waitFor(() =>
      expect(within(rows()[0]!).getByRole('link')).toHaveTextContent('Old backups'),
    );
    expect(screen.getByRole('button', { name: /now descending/ })).toBeInTheDocument();
  });

  it('moves between cards with the arrow keys and opens one with Enter', async () => {
    const user = userEvent.setup();
    const { fetchImpl } = stubFetch({}, keys);
    const { router } = renderKeyList('/regions/nl-01/keys', fetchImpl);
    await screen.findByRole('table');
    screen.getByRole('link', { name: 'Artefact signing' }).focus();
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(screen.getByRole('link', { name: 'Old backups' })).toHaveFocus());
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/regions/nl-01/keys/${keys[2]!.identity}`),
    );
  });
});
