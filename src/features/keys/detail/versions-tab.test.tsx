import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { VersionsTab } from './versions-tab';
import { ordersKey, renderWithClient, stubFetch } from './test-utils';

const versions = [1, 2, 3, 4, 5].map((version) => ({
  version,
  status: version < 3 ? 'retired' : 'active',
  createdAt: `2026-0${version}-01T00:00:00Z`,
}));

describe('VersionsTab', () => {
  it('marks the latest, the versions that still decrypt, and the retired ones', () => {
    const key = ordersKey({ versions, latestVersion: 5, minDecryptionVersion: 3 });
    renderWithClient(<VersionsTab kmsKey={key} />, stubFetch(() => [200, {}]).fetchImpl);
    const row = (v: number) => screen.getByRole('row', { name: new RegExp(`^v${v} `) });
    expect(within(row(5)).getByText(/Latest: encrypt \+ decrypt/)).toBeInTheDocument();
    expect(within(row(4)).getByText('Can decrypt')).toBeInTheDocument();
    expect(within(row(3)).getByText('Can decrypt')).toBeInTheDocument();
    expect(within(row(2)).getByText('Retired: refused')).toBeInTheDocument();
    expect(within(row(1)).getByText('Retired: refused')).toBeInTheDocument();
    expect(screen.getByText('Versions 3–5')).toBeInTheDocument();
    expect(screen.getByText('2 versions')).toBeInTheDocument();
  });

  it('shows where the next automatic rotation falls, only while the key is active', () => {
    const key = ordersKey({ keyRotationEnabled: true, rotationPeriodInDays: 30 });
    const { unmount } = renderWithClient(
      <VersionsTab kmsKey={key} />,
      stubFetch(() => [200, {}]).fetchImpl,
    );
    expect(screen.getByText(/Next automatic rotation: version/)).toHaveTextContent(
      /version 3 on 31 Mar 2026/,
    );
    unmount();
    renderWithClient(
      <VersionsTab
        kmsKey={ordersKey({
          keyRotationEnabled: true,
          rotationPeriodInDays: 30,
          status: 'disabled',
        })}
      />,
      stubFetch(() => [200, {}]).fetchImpl,
    );
    expect(screen.queryByText(/Next automatic rotation: version/)).not.toBeInTheDocument();
    expect(screen.getByText('Paused')).toBeInTheDocument();
  });
});
