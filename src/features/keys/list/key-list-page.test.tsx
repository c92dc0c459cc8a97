import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { giveScrollerASize, renderKeyList, stubFetch } from './render-key-list';
import { makeKey } from '@/test/make-key';

// CI machines can be busy: give async queries room (no timing is asserted).
configure({ asyncUtilTimeout: 5000 });

beforeAll(() => giveScrollerASize());

const keys = [
  makeKey({ name: 'Payments DB', labels: { env: 'prod' } }),
  makeKey({ name: 'Artefact signing', keyType: 'ed25519', status: 'disabled' }),
  makeKey({
    name: 'Old backups',
    status: 'pending_deletion',
    deletionScheduledAt: new Date(Date.now() + 12 * 86_400_000 - 1000).toISOString(),
    keyRotationEnabled: true,
    rotationPeriodInDays: 90,
  }),
  makeKey({ name: 'Web sessions', projectId: 'proj-web' }),
];

const bodyRows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);
const rowNames = () => bodyRows().map((r) => within(r).getAllByRole('link')[0]?.textContent ?? '');

describe('KeyListPage', () => {
  it('shows every key in a real table with sortable, announced columns', async () => {
    const { fetchImpl } = stubFetch({}, keys);
    renderKeyList('/regions/nl-01/keys', fetchImpl);
    const table = await screen.findByRole('table', { name: 'Keys in nl-01' });
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent)).toEqual([
      '',
      'Name',
      'Identity',
      'Type',
      'Status',
      'Rotation',
      'Latest(Latest version)',
      'Min. decrypt(Minimum decryption version)',
      'Labels',
      'Created',
      'Actions',
    ]);
    // The first column is the select-all checkbox, the last the row menus.
    expect(within(headers[0]!).getByRole('checkbox')).toHaveAccessibleName(
      'Select all 4 keys in the list',
    );
    expect(headers[1]).toHaveAttribute('aria-sort', 'ascending');
    expect(headers[2]).toHaveAttribute('aria-sort', 'none');
    expect(rowNames()).toEqual(['Artefact signing', 'Old backups', 'Payments DB', 'Web sessions']);
    const old = bodyRows()[1]!;
    expect(within(old).getByText('Pending deletion')).toBeInTheDocument();
    expect(within(old).getByText('Deleted in 12 days')).toBeInTheDocument();
    expect(within(old).getByText('Every 90 days')).toBeInTheDocument();
    expect(within(bodyRows()[3]!).getByText('proj-web')).toBeInTheDocument();
    expect(within(bodyRows()[0]!).getByText('Sign')).toBeInTheDocument();
    expect(screen.getByText('4 keys')).toBeInTheDocument();
  });

  it('sorts by a column header and puts the sort in the URL', async () => {
    const user = userEvent.setup();
    const { fetchImpl } = stubFetch({}, keys);
    const { router } = renderKeyList('/regions/nl-01/keys', fetchImpl);
    await screen.findByRole('table');
    await user.click(within(screen.getByRole('table')).getByRole('button', { name: /^Status/ }));
    await waitFor(() =>
      expect(screen.getByRole('columnheader', { name: /^Status/ })).toHaveAttribute(
        'aria-sort',
        'ascending',
      ),
    );
    await waitFor(() =>
      expect(rowNames()).toEqual([
        'Payments DB',
        'Web sessions',
        'Artefact signing',
        'Old backups',
      ]),
    );
    expect(router.state.location.search).toMatchObject({ sort: 'status' });
    await user.click(within(screen.getByRole('table')).getByRole('button', { name: /^Status/ }));
    await waitFor(() => expect(router.state.location.search).toMatchObject({ dir: 'desc' }));
    await waitFor(() => expect(rowNames()[0]).toBe('Old backups'));
  });

  it('filters as you type and writes the search into the URL', async () => {
    const user = userEvent.setup();
    const { fetchImpl } = stubFetch({}, keys);
    const { router } = renderKeyList('/regions/nl-01/keys', fetchImpl);
    await screen.findByRole('table');
    await user.type(screen.getByRole('searchbox', { name: /search keys/i }), 'env=prod');
    await waitFor(() => expect(rowNames()).toEqual(['Payments DB']));
    expect(screen.getByText('1 of 4 keys')).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.search).toMatchObject({ q: 'env=prod' }));
  });

  it('opens a view from the URL: search, facets and sort applied', async () => {
    const { fetchImpl } = stubFetch({}, keys);
    renderKeyList('/regions/nl-01/keys?status=active,disabled&sort=name&dir=desc', fetchImpl);
    await screen.findByRole('table');
    expect(rowNames()).toEqual(['Web sessions', 'Payments DB', 'Artefact signing']);
    expect(
      screen.getByRole('button', { name: 'Remove filter Status: Active' }),
    ).toBeInTheDocument();
  });

  it('offers a reset when nothing matches', async () => {
    const user = userEvent.setup();
    const { fetchImpl } = stubFetch({}, keys);
    const { router } = renderKeyList('/regions/nl-01/keys?q=zzz&purpose=hmac', fetchImpl);
    expect(await screen.findByRole('heading', { name: 'No keys match' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reset search and filters' }));
    await waitFor(() => expect(bodyRows()).toHaveLength(4));
    expect(router.state.location.search).toEqual({});
  });

  it('sends the exact lookup to the API as its list filters', async () => {
    const user = userEvent.setup();
    const { fetchImpl, calls } = stubFetch({
      listKeys: (_region, query) => ({
        status: 200,
        json: query.get('name') === 'Payments DB' ? [keys[0]] : keys,
      }),
    });
    const { router } = renderKeyList('/regions/nl-01/keys', fetchImpl);
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Exact lookup' }));
    await user.type(await screen.findByLabelText('Name'), 'Payments DB');
    await user.type(screen.getByLabelText('Labels'), 'env=prod');
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    await waitFor(() => expect(rowNames()).toEqual(['Payments DB']));
    expect(calls).toContain('/v1/kms/nl-01/keys?name=Payments+DB&matchLabels%5Benv%5D=prod');
    expect(router.state.location.search).toMatchObject({ name: 'Payments DB', labels: 'env=prod' });
    expect(screen.getByRole('region', { name: 'Exact lookup' })).toHaveTextContent(
      'name = Payments DB',
    );
  });

  it('paints the first screen of a big list, checked, before the rest; then the whole list', async () => {
    const many = Array.from({ length: 3_000 }, (_, i) =>
      makeKey({ name: `bulk ${String(3_000 - i).padStart(4, '0')}` }),
    );
    const { fetchImpl } = stubFetch({}, many);
    renderKeyList('/regions/nl-01/keys', fetchImpl);
    // While the rows are checked in slices: the first rows in the view's order, read-only.
    expect(await screen.findByText('Checking 3,000 keys…')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Filter by status' })).toBeDisabled();
    expect(rowNames().slice(0, 2)).toEqual(['bulk 0001', 'bulk 0002']);
    expect(await screen.findByText('3,000 keys')).toBeInTheDocument();
    expect(rowNames().slice(0, 2)).toEqual(['bulk 0001', 'bulk 0002']);
    expect(screen.getByRole('button', { name: 'Filter by status' })).toBeEnabled();
  });

  it('still fails the whole list on a malformed row deep in a big list, as before', async () => {
    const many: unknown[] = Array.from({ length: 3_000 }, (_, i) =>
      makeKey({ name: `bulk ${String(i).padStart(4, '0')}` }),
    );
    many[2_950] = { ...(many[2_950] as object), status: 'melted' };
    const { fetchImpl } = stubFetch({ listKeys: () => ({ status: 200, json: many }) });
    renderKeyList('/regions/nl-01/keys', fetchImpl);
    expect(await screen.findByText('Unexpected answer from the API')).toBeInTheDocument();
    expect(screen.getByText(/2950\.status/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('rejects a malformed label selector in the lookup form', async () => {
    const user = userEvent.setup();
    const { fetchImpl } = stubFetch({}, keys);
    renderKeyList('/regions/nl-01/keys', fetchImpl);
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Exact lookup' }));
    await user.type(await screen.findByLabelText('Labels'), 'env');
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    expect(await screen.findByText(/not key=value/)).toBeInTheDocument();
  });

  it('opens a key with the keyboard: arrows move between rows, Enter opens', async () => {
    const user = userEvent.setup();
    const { fetchImpl } = stubFetch({}, keys);
    const { router } = renderKeyList('/regions/nl-01/keys', fetchImpl);
    await screen.findByRole('table');
    const first = screen.getByRole('link', { name: 'Artefact signing' });
    first.focus();
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(screen.getByRole('link', { name: 'Old backups' })).toHaveFocus());
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: /Key page/ })).toHaveTextContent(
      keys[2]!.identity,
    );
    expect(router.state.location.pathname).toBe(`/regions/nl-01/keys/${keys[2]!.identity}`);
  });

  it('opens a key when its row is clicked anywhere', async () => {
    const user = userEvent.setup();
    const { fetchImpl } = stubFetch({}, keys);
    renderKeyList('/regions/nl-01/keys', fetchImpl);
    await screen.findByRole('table');
    await user.click(within(bodyRows()[2]!).getByText('Encrypt'));
    expect(await screen.findByRole('heading', { name: /Key page/ })).toHaveTextContent(
      keys[0]!.identity,
    );
  });

  it('invites creating the first key in an empty region', async () => {
    const { fetchImpl } = stubFetch({}, []);
    renderKeyList('/regions/nl-02/keys', fetchImpl);
    expect(
      await screen.findByRole('heading', { name: 'No keys in nl-02 yet' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Create your first key' })).toHaveAttribute(
      'href',
      '/regions/nl-02/keys/new',
    );
  });

  it('shows the unavailable state at once when the summary says so, while the list still loads', async () => {
    const { fetchImpl } = stubFetch({});
    // The list never answers (as while a 503 is being retried); the summary does.
    const hanging: typeof fetch = (input, init) =>
      String(input).includes('/keys') ? new Promise(() => {}) : fetchImpl(input, init);
    renderKeyList('/regions/de-01/keys', hanging);
    expect(
      await screen.findByRole('heading', { name: 'KMS is not available in de-01' }),
    ).toBeInTheDocument();
  });

  it('offers the regions with KMS when the region has none (503)', async () => {
    const { fetchImpl } = stubFetch({
      listKeys: () => ({ status: 503, json: { message: 'KMS is not available in region de-01' } }),
    });
    renderKeyList('/regions/de-01/keys', fetchImpl);
    expect(
      await screen.findByRole('heading', { name: 'KMS is not available in de-01' }),
    ).toBeInTheDocument();
    const nav = await screen.findByRole('navigation', { name: 'Regions with KMS' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((l) => l.getAttribute('href')),
    ).toEqual(['/regions/nl-01/keys', '/regions/nl-02/keys']);
  });

  it('says both meanings of a 404 and explains a 403', async () => {
    const { fetchImpl } = stubFetch({
      listKeys: (region) =>
        region === 'xx-99'
          ? { status: 404, json: { message: 'region xx-99 not found' } }
          : { status: 403, json: { message: 'KMS is not enabled' } },
    });
    const { unmount } = renderKeyList('/regions/xx-99/keys', fetchImpl);
    expect(
      await screen.findByRole('heading', { name: 'Region not found, or no access' }),
    ).toBeInTheDocument();
    unmount();
    renderKeyList('/regions/nl-01/keys', fetchImpl);
    expect(
      await screen.findByRole('heading', { name: 'KMS is not enabled for this organisation' }),
    ).toBeInTheDocument();
  });

  it('retries after a network failure', async () => {
    const user = userEvent.setup();
    let isDown = true;
    const { fetchImpl: inner } = stubFetch({}, keys);
    const fetchImpl: typeof fetch = async (input, init) => {
      if (isDown && String(input).includes('/keys')) throw new TypeError('Failed to fetch');
      return inner(input, init);
    };
    renderKeyList('/regions/nl-01/keys', fetchImpl);
    expect(
      await screen.findByRole('heading', { name: 'Cannot reach the KMS API' }),
    ).toBeInTheDocument();
    isDown = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(bodyRows()).toHaveLength(4));
  });

  it('keeps the rows visible when a background refresh fails', async () => {
    const user = userEvent.setup();
    let isDown = false;
    const { fetchImpl: inner } = stubFetch({}, keys);
    const fetchImpl: typeof fetch = async (input, init) => {
      if (isDown && String(input).includes('/keys')) throw new TypeError('Failed to fetch');
      return inner(input, init);
    };
    renderKeyList('/regions/nl-01/keys', fetchImpl);
    await screen.findByRole('table');
    isDown = true;
    await user.click(screen.getByRole('button', { name: 'Refresh keys' }));
    expect(await screen.findByText(/Could not refresh/)).toBeInTheDocument();
    expect(bodyRows()).toHaveLength(4);
  });
  it('shows a table-shaped skeleton while the first load is pending', async () => {
    const fetchImpl: typeof fetch = (input) =>
      String(input).includes('/keys')
        ? new Promise<Response>(() => {})
        : stubFetch({}, []).fetchImpl(input);
    renderKeyList('/regions/nl-01/keys', fetchImpl);
    expect(await screen.findByText('Loading keys…')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });
  it('keeps a just-typed search in the URL when a key is opened at once', async () => {
    const { fetchImpl } = stubFetch({}, keys);
    const { router } = renderKeyList('/regions/nl-01/keys', fetchImpl);
    await screen.findByRole('table');
    // Type and click at once: before the search is written into the URL on its own.
    fireEvent.change(screen.getByRole('searchbox', { name: /search keys/i }), {
      target: { value: 'Payments' },
    });
    const row = screen.getByRole('link', { name: 'Payments DB' }).closest('tr');
    fireEvent.click(within(row!).getByText('Encrypt'));
    expect(await screen.findByRole('heading', { name: /Key page/ })).toBeInTheDocument();
    router.history.back();
    await waitFor(() => expect(router.state.location.pathname).toBe('/regions/nl-01/keys'));
    expect(router.state.location.search).toMatchObject({ q: 'Payments' });
  });
});
