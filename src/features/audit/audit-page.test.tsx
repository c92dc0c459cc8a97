import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeEvent, page, renderAuditPage, stubAuditFetch } from './test/render-audit';

const AT = '2026-11-29T12:00:00.000Z';

// The machine running the suite may be busy: give the page time to answer.
configure({ asyncUtilTimeout: 5000 });

describe('Audit page', () => {
  it('shows the URL filters in the controls and sends them, pinned to the snapshot', async () => {
    const { fetchImpl, queries } = stubAuditFetch((q) =>
      q.get('limit') === '1' ? page([], 0) : page([makeEvent()], 120, 2),
    );
    renderAuditPage(
      `/audit?action=crypto&outcome=failure&region=nl-02&key=orders&range=24h&page=2&at=${AT}`,
      fetchImpl,
    );
    expect(await screen.findByRole('table', { name: 'Audit events' })).toBeInTheDocument();
    expect(screen.getByLabelText('Action')).toHaveValue('crypto');
    expect(screen.getByLabelText('Outcome')).toHaveValue('failure');
    await waitFor(() => expect(screen.getByLabelText('Region')).toHaveValue('nl-02'));
    expect(screen.getByLabelText('Key')).toHaveValue('orders');
    expect(screen.getByLabelText('Time range')).toHaveValue('24h');
    const main = queries.find((q) => q.get('limit') === '50');
    expect(Object.fromEntries(main!)).toEqual({
      resourceType: 'kms_key',
      action: 'kms.encrypt,kms.decrypt,kms.sign,kms.verify,kms.hmac,kms.verify_hmac',
      outcome: 'failure',
      region: 'nl-02',
      searchText: 'orders',
      createdAfter: '2026-11-28T12:00:00.000Z',
      createdBefore: AT,
      page: '2',
      limit: '50',
    });
    expect(screen.getByText('51–51 of 120 events')).toBeInTheDocument();
  });

  it('falls back on a bad value with a short notice, not a schema dump', async () => {
    const { fetchImpl } = stubAuditFetch(() => page([makeEvent()]));
    const { router } = renderAuditPage(`/audit?outcome=maybe&page=zero&at=${AT}`, fetchImpl);
    const notice = await screen.findByText(/Part of this link was ignored/);
    expect(notice).toHaveTextContent(
      'Part of this link was ignored: outcome "maybe" is not success or failure; page "zero" is not a page number.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Remove from link' }));
    await waitFor(() => expect(router.state.location.search).toEqual({ at: AT }));
    expect(screen.queryByText(/Part of this link was ignored/)).not.toBeInTheDocument();
  });

  it('writes a snapshot into the URL on first load, and a filter change goes back to page 1', async () => {
    const { fetchImpl } = stubAuditFetch(() => page([makeEvent()], 300));
    const { router } = renderAuditPage('/audit?page=3', fetchImpl);
    await waitFor(() => expect(router.state.location.search).toHaveProperty('at'));
    const at = (router.state.location.search as { at: string }).at;
    await userEvent.selectOptions(screen.getByLabelText('Outcome'), 'failure');
    await waitFor(() => expect(router.state.location.search).toEqual({ outcome: 'failure', at }));
  });

  it('keeps a bad value (and its notice) when the snapshot is written on first load', async () => {
    const { fetchImpl } = stubAuditFetch(() => page([makeEvent()]));
    const { router } = renderAuditPage('/audit?outcome=maybe', fetchImpl);
    await waitFor(() => expect(router.state.location.search).toHaveProperty('at'));
    expect(router.state.location.search).toHaveProperty('outcome', 'maybe');
    expect(screen.getByText(/Part of this link was ignored/)).toBeInTheDocument();
  });

  it('counts events newer than the snapshot and shows them on request, rows unchanged meanwhile', async () => {
    let newer = 0;
    const { fetchImpl } = stubAuditFetch((q) =>
      q.get('createdAfter') === AT ? page([], newer) : page([makeEvent({ eventID: 'old' })]),
    );
    const { router } = renderAuditPage(`/audit?at=${AT}`, fetchImpl);
    await screen.findByRole('table', { name: 'Audit events' });
    newer = 3;
    await userEvent.click(screen.getByRole('button', { name: 'Refresh events' }));
    const show = await screen.findByRole('button', { name: /3 new events: show/ });
    expect(document.querySelector('[data-event-id="old"]')).not.toBeNull();
    await userEvent.click(show);
    await waitFor(() => expect((router.state.location.search as { at: string }).at).not.toBe(AT));
  });

  it('shows a failure with its status and reason, and links the key and version', async () => {
    const failed = makeEvent({
      action: 'kms.decrypt',
      resourceIdentity: 'kms-abc',
      context: {
        region: 'nl-01',
        keyVersion: '1',
        responseStatus: 400,
        outcome: 'failure',
        reason: 'key version 1 is below the minimum decryption version 2',
      },
    });
    const { fetchImpl } = stubAuditFetch(() => page([failed]));
    renderAuditPage(`/audit?at=${AT}`, fetchImpl);
    const table = await screen.findByRole('table', { name: 'Audit events' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('Failed · 400');
    expect(row).toHaveTextContent('key version 1 is below the minimum decryption version 2');
    expect(within(row).getByRole('link', { name: 'kms-abc' })).toHaveAttribute(
      'href',
      '/regions/nl-01/keys/kms-abc',
    );
    expect(within(row).getByRole('link', { name: 'Version 1 of kms-abc' })).toHaveAttribute(
      'href',
      '/regions/nl-01/keys/kms-abc/versions',
    );
  });

  it('renders API strings as text', async () => {
    const { fetchImpl } = stubAuditFetch(() =>
      page([makeEvent({ description: '<img src=x onerror=alert(1)>' })]),
    );
    renderAuditPage(`/audit?at=${AT}`, fetchImpl);
    expect(await screen.findByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });

  it('says when no event matches the filters, with a way back', async () => {
    const { fetchImpl } = stubAuditFetch(() => page([], 0));
    const { router } = renderAuditPage(`/audit?outcome=failure&at=${AT}`, fetchImpl);
    expect(await screen.findByRole('heading', { name: 'No events match' })).toBeInTheDocument();
    await userEvent.click(screen.getAllByRole('button', { name: /Clear filters/ })[0]!);
    await waitFor(() => expect(router.state.location.search).toEqual({ at: AT }));
  });
});
