import { getRouteApi } from '@tanstack/react-router';
import type { CryptoSearch } from '@/features/crypto/crypto-search';
import { KeyDetailPage, type ComposedKeyTabs } from '@/features/keys/detail/key-detail-page';
import { chunkComponent } from '@/lib/lazy-chunk';
import {
  cryptoPanelChunk,
  findElsewhereChunk,
  keyActivityChunk,
  loadKeyPageTab,
} from './key-page-chunks';

const overviewRoute = getRouteApi('/authed/regions/$region/keys/$keyId');
const tabRoute = getRouteApi('/authed/regions/$region/keys/$keyId/$tab');

/** The key page at its bare URL: the overview tab. */
export function KeyOverviewRoute() {
  const { region, keyId } = overviewRoute.useParams();
  return (
    <KeyDetailPage
      region={region}
      keyId={keyId}
      tab="overview"
      composedTabs={composedTabs(region, {})}
      renderElsewhere={() => <FindElsewhere region={region} keyId={keyId} />}
    />
  );
}

/** The key page with a tab in the URL; crypto and activity are composed from their features. */
export function KeyTabRoute() {
  const { region, keyId, tab } = tabRoute.useParams();
  const search = tabRoute.useSearch();
  return (
    <KeyDetailPage
      region={region}
      keyId={keyId}
      tab={tab}
      composedTabs={composedTabs(region, search)}
      renderElsewhere={() => <FindElsewhere region={region} keyId={keyId} />}
    />
  );
}

function composedTabs(region: string, search: CryptoSearch): ComposedKeyTabs {
  return {
    render: (tab, key) =>
      tab === 'crypto' ? (
        <CryptoPanel region={region} cryptoKey={key} search={search} />
      ) : (
        <KeyActivity kmsKey={key} />
      ),
    preload: (tab) => void loadKeyPageTab(tab),
  };
}

const CryptoPanel = chunkComponent(cryptoPanelChunk);
const KeyActivity = chunkComponent(keyActivityChunk);
const FindElsewhere = chunkComponent(findElsewhereChunk);
