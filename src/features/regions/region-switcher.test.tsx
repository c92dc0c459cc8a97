import { createRoute } from '@tanstack/react-router';
import { configure, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Summary } from '@/contract';
import { renderWithRouter } from '@/test/render';
import { RegionSwitcher } from './region-switcher';

// CI machines can be busy: give async queries room (no timing is asserted).
configure({ asyncUtilTimeout: 5000 });

const region = (slug: string, totalKeys: number) => ({
  identity: slug,
  slug,
  name: slug,
  kmsAvailable: true,
  totalKeys,
  activeKeys: totalKeys,
  disabledKeys: 0,
  pendingDeletionKeys: 0,
});

describe('RegionSwitcher', () => {
  it('counts each region’s keys in words that agree with the number', async () => {
    const summary: Summary = {
      featureEnabled: true,
      regions: [region('nl-01', 1), region('nl-02', 0), region('de-01', 1200)],
    };
    const fetchImpl: typeof fetch = async () => new Response(JSON.stringify(summary));
    renderWithRouter(
      '/regions',
      (root) => [
        createRoute({ getParentRoute: () => root, path: '/regions', component: RegionSwitcher }),
      ],
      { fetchImpl },
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Choose a region' }));
    const items = await screen.findAllByRole('menuitemradio');
    expect(items.map((item) => item.textContent)).toEqual([
      'nl-01 (nl-01)1 key',
      'nl-02 (nl-02)0 keys',
      'de-01 (de-01)1,200 keys',
    ]);
  });
});
