import { getRouteApi } from '@tanstack/react-router';
import { CryptoPanel } from '@/features/crypto';
import { KeyDetailPage } from '@/features/keys/detail/key-detail-page';
import { FindElsewhere } from '@/features/palette/find-elsewhere';

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
      renderCrypto={(key) => <CryptoPanel region={region} cryptoKey={key} search={{}} />}
      renderElsewhere={() => <FindElsewhere region={region} keyId={keyId} />}
    />
  );
}

/** The key page with a tab in the URL; the crypto tab is composed from the crypto feature. */
export function KeyTabRoute() {
  const { region, keyId, tab } = tabRoute.useParams();
  const search = tabRoute.useSearch();
  return (
    <KeyDetailPage
      region={region}
      keyId={keyId}
      tab={tab}
      renderCrypto={(key) => <CryptoPanel region={region} cryptoKey={key} search={search} />}
      renderElsewhere={() => <FindElsewhere region={region} keyId={keyId} />}
    />
  );
}
