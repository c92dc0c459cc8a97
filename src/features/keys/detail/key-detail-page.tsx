import { Link, useNavigate } from '@tanstack/react-router';
import { AlertTriangle, SearchX } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { describeError } from '@/components/errors/describe-error';
import { ErrorPanel } from '@/components/errors/error-panel';
import { Button, buttonClassName } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { Tabs, type TabItem } from '@/components/ui/tabs';
import type { Key } from '@/contract';
import { KeyActivity } from '@/features/audit';
import { isApiError } from '@/lib/api-client';
import { useKeyDetail } from '../api';
import { ApiTab } from './api-tab';
import { KeyHeader } from './key-header';
import type { KeyDialog } from './key-actions';
import { KEY_DETAIL_TABS, type KeyDetailTab } from './key-detail-tabs';
import { OverviewTab } from './overview-tab';
import { PublicKeyTab } from './public-key-tab';
import { DELETION_WINDOW_DAYS, publicKeyReason } from './key-rules';
import { RotationTab } from './rotation-tab';
import { VersionsTab } from './versions-tab';
import shared from './detail-shared.module.css';
import styles from './key-detail-page.module.css';

const TAB_LABELS: Record<KeyDetailTab, string> = {
  overview: 'Overview',
  versions: 'Versions',
  rotation: 'Rotation',
  'public-key': 'Public key',
  crypto: 'Crypto',
  activity: 'Activity',
  api: 'API',
};

/** The key page: `/regions/{region}/keys/{id}[/{tab}]`, id being an identity or a slug. */
export function KeyDetailPage({
  region,
  keyId,
  tab,
  renderCrypto,
  renderElsewhere,
}: {
  region: string;
  keyId: string;
  tab: KeyDetailTab;
  /** Renders the crypto tab (composed by app from the crypto feature). */
  renderCrypto: (key: Key) => ReactNode;
  /** On "not found": where else the key may be (composed by app from the palette feature). */
  renderElsewhere?: () => ReactNode;
}) {
  const query = useKeyDetail(region, keyId);

  if (query.isPending) return <KeyDetailSkeleton />;
  // Only a failed first load, or a key that is gone, replaces the page: a failed refresh keeps
  // the key on screen (open dialogs, unsaved input) and says so above the tabs.
  if (query.data === undefined || isApiError(query.error, 404)) {
    const back = (
      <Link
        to="/regions/$region/keys"
        params={{ region }}
        className={buttonClassName({
          variant: isApiError(query.error, 404) ? 'primary' : 'secondary',
        })}
      >
        Back to keys in {region}
      </Link>
    );
    if (isApiError(query.error, 404)) {
      return (
        <div role="alert">
          <EmptyState
            tone="warning"
            icon={<SearchX size={22} aria-hidden />}
            title={`Key "${keyId}" not found`}
            actions={back}
          >
            <p>{query.error.message}.</p>
            <p>
              It may not exist in {region} or in this scope, your role may not allow you to see it,
              or it was purged {DELETION_WINDOW_DAYS} days after its deletion was scheduled.
            </p>
            {renderElsewhere?.()}
          </EmptyState>
        </div>
      );
    }
    return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} actions={back} />;
  }
  return (
    <KeyDetailView
      kmsKey={query.data}
      region={region}
      keyId={keyId}
      tab={tab}
      renderCrypto={renderCrypto}
      refreshError={query.isError ? query.error : null}
      onRetry={() => void query.refetch()}
    />
  );
}

/** A refresh of the key failed: what is shown may be out of date. */
function RefreshFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const d = describeError(error);
  return (
    <div className={`${shared.banner} ${shared.bannerWarning}`} role="alert">
      <AlertTriangle size={18} aria-hidden />
      <div className={shared.bannerText}>
        <strong>Could not refresh this key: {d.title}.</strong> {d.detail.replace(/[.\s]*$/, '.')}{' '}
        Showing it as last loaded.
      </div>
      <Button size="small" variant="secondary" onClick={onRetry}>
        Try again
      </Button>
    </div>
  );
}

function KeyDetailView({
  kmsKey,
  region,
  keyId,
  tab,
  renderCrypto,
  refreshError,
  onRetry,
}: {
  kmsKey: Key;
  region: string;
  keyId: string;
  tab: KeyDetailTab;
  renderCrypto: (key: Key) => ReactNode;
  refreshError: unknown;
  onRetry: () => void;
}) {
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<KeyDialog | null>(null);
  const hasPublicKey = publicKeyReason(kmsKey) === null;
  const items: TabItem[] = KEY_DETAIL_TABS.filter((t) => t !== 'public-key' || hasPublicKey).map(
    (t) => ({ value: t, label: TAB_LABELS[t] }),
  );

  const goTo = (next: string) => {
    const parsed = KEY_DETAIL_TABS.find((t) => t === next);
    if (!parsed) return;
    if (parsed === 'overview') {
      void navigate({ to: '/regions/$region/keys/$keyId', params: { region, keyId } });
    } else {
      void navigate({
        to: '/regions/$region/keys/$keyId/$tab',
        params: { region, keyId, tab: parsed },
        search: {},
      });
    }
  };

  return (
    <div className={styles.page}>
      <KeyHeader kmsKey={kmsKey} region={region} dialog={dialog} onDialogChange={setDialog} />
      {refreshError ? <RefreshFailed error={refreshError} onRetry={onRetry} /> : null}
      <Tabs value={tab} onValueChange={goTo} items={items} label="Key sections">
        {tab === 'overview' ? (
          <OverviewTab kmsKey={kmsKey} region={region} onOpenTab={goTo} />
        ) : tab === 'versions' ? (
          <VersionsTab kmsKey={kmsKey} />
        ) : tab === 'rotation' ? (
          <RotationTab kmsKey={kmsKey} region={region} onRotateNow={() => setDialog('rotate')} />
        ) : tab === 'public-key' ? (
          <PublicKeyTab kmsKey={kmsKey} region={region} />
        ) : tab === 'crypto' ? (
          renderCrypto(kmsKey)
        ) : tab === 'activity' ? (
          <KeyActivity kmsKey={kmsKey} />
        ) : (
          <ApiTab kmsKey={kmsKey} region={region} />
        )}
      </Tabs>
    </div>
  );
}

function KeyDetailSkeleton() {
  return (
    <div className={styles.page} aria-busy="true" aria-label="Loading key">
      <Skeleton width={220} height={14} />
      <Skeleton width={360} height={30} />
      <Skeleton width={520} height={16} />
      <div className={styles.skeletonGrid}>
        <Skeleton height={180} />
        <Skeleton height={180} />
      </div>
    </div>
  );
}
