import type { ReactNode } from 'react';
import type { Key } from '@/contract';
import type { KeyDetailTab } from './key-detail-tabs';

// Placeholder: the key page is built in issue 5.
export function KeyDetailPage({
  region,
  keyId,
}: {
  region: string;
  keyId: string;
  tab: KeyDetailTab;
  /** Renders the crypto tab (composed by app from the crypto feature). */
  renderCrypto: (key: Key) => ReactNode;
}) {
  return (
    <h1>
      Key {keyId} in {region}
    </h1>
  );
}
