import { createRoute } from '@tanstack/react-router';
import { configure, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Summary } from '@/contract';
import { renderWithRouter } from '@/test/render';
import { RegionsPage } from './regions-page';

// CI machines can be busy: give async queries room (no timing is asserted).
configure({ asyncUtilTimeout: 5000 });

function renderRegions(answer: { status: number; json: unknown }) {
  const fetchImpl: typeof fetch = async () =>
    new Response(JSON.stringify(answer.json), { status: answer.status });
  renderWithRouter(
    '/regions',
    (root) => [
      createRoute({ getParentRoute: () => root, path: '/regions', component: RegionsPage }),
      createRoute({
        getParentRoute: () => root,
        path: '/regions/$region/keys',
        component: () => null,
      }),
      createRoute({ getParentRoute: () => root, path: '/sign-in', component: () => null }),
    ],
    { fetchImpl },
  );
}

const summary: Summary = {
  featureEnabled: true,
  regions: [
    {
      identity: 'nl-01',
      slug: 'nl-01',
      name: 'Netherlands 01',
      kmsAvailable: true,
      totalKeys: 12,
      activeKeys: 9,
      disabledKeys: 2,
      pendingDeletionKeys: 1,
    },
    {
      identity: 'de-01',
      slug: 'de-01',
      name: 'Germany 01',
      kmsAvailable: false,
      totalKeys: 0,
      activeKeys: 0,
      disabledKeys: 0,
      pendingDeletionKeys: 0,
    },
  ],
};

describe('RegionsPage', () => {
  it('shows each region with its counts; only regions with KMS link to their keys', async () => {
    renderRegions({ status: 200, json: summary });
    const list = await screen.findByRole('list', { name: 'Regions' });
    const [nl, de] = within(list).getAllByRole('article');
    expect(within(nl!).getByRole('link', { name: 'Netherlands 01' })).toHaveAttribute(
      'href',
      '/regions/nl-01/keys',
    );
    expect(nl).toHaveTextContent('12keys');
    expect(nl).toHaveTextContent('Active9');
    expect(nl).toHaveTextContent('Disabled2');
    expect(nl).toHaveTextContent('Pending deletion1');
    expect(within(de!).queryByRole('link')).toBeNull();
    expect(de).toHaveTextContent('KMS unavailable');
    expect(de).toHaveTextContent(/not offered in this region/);
  });

  it('explains that KMS is off when the feature is disabled', async () => {
    renderRegions({ status: 200, json: { featureEnabled: false, regions: [] } });
    expect(
      await screen.findByRole('heading', { name: 'KMS is not enabled for this organisation' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Use another organisation' })).toBeInTheDocument();
  });

  it('explains a 403 the same way', async () => {
    renderRegions({ status: 403, json: { message: 'KMS feature is not enabled' } });
    expect(
      await screen.findByRole('heading', { name: 'KMS is not enabled for this organisation' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/KMS feature is not enabled \(HTTP 403\)/)).toBeInTheDocument();
  });
});
