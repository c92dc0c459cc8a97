import { Link, useNavigate } from '@tanstack/react-router';
import { AlertTriangle, SearchX } from 'lucide-react';
import { Suspense, useState, type ComponentType, type ReactNode, type SyntheticEvent } from 'react';
import { describeError } from '@/components/errors/describe-error';
import { ErrorPanel } from '@/components/errors/error-panel';
import { Button, buttonClassName } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { Tabs, type TabItem } from '@/components/ui/tabs';
import type { Key } from '@/contract';
import { isApiError } from '@/lib/api-client';
import { chunkComponent } from '@/lib/lazy-chunk';
import { useKeyDetail } from '../api';
import { KeyHeader } from './key-header';
import type { KeyDialog } from './key-actions';
import { KEY_DETAIL_TABS, type KeyDetailTab } from './key-detail-tabs';
import { DELETION_WINDOW_DAYS, publicKeyReason } from './key-rules';
import {
  isOwnKeyTab,
  KEY_TAB_CHUNKS,
  loadKeyTab,
  type ComposedKeyTab,
  type KeyTabProps,
  type OwnKeyTab,
} from './key-tab-chunks';
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

/** The tabs other features draw (crypto, activity), composed by app. */
export interface ComposedKeyTabs {
  render: (tab: ComposedKeyTab, key: Key) => ReactNode;
  /** Starts loading a tab's code (on hover or focus of its tab). */
  preload: (tab: ComposedKeyTab) => void;
}

/** The key page: `/regions/{region}/keys/{id}[/{tab}]`, id being an identity or a slug. */
export function KeyDetailPage({
  region,
  keyId,
  tab,
  composedTabs,
  renderElsewhere,
}: {
  region: string;
  keyId: string;
  tab: KeyDetailTab;
  composedTabs: ComposedKeyTabs;
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
            <Suspense fallback={null}>{renderElsewhere?.()}</Suspense>
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
      composedTabs={composedTabs}
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
  composedTabs,
  refreshError,
  onRetry,
}: {
  kmsKey: Key;
  region: string;
  keyId: string;
  tab: KeyDetailTab;
  composedTabs: ComposedKeyTabs;
  refreshError: unknown;
  onRetry: () => void;
}) {
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<KeyDialog | null>(null);
  const hasPublicKey = publicKeyReason(kmsKey) === null;
  const items: TabItem[] = KEY_DETAIL_TABS.filter((t) => t !== 'public-key' || hasPublicKey).map(
    (t) => ({ value: t, label: <span data-key-tab={t}>{TAB_LABELS[t]}</span> }),
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

  // A tab's code starts loading when its tab is pointed at or focused, before it is chosen.
  const preloadTab = (event: SyntheticEvent) => {
    const target = event.target instanceof Element ? event.target : null;
    const value = target
      ?.closest('[role="tab"]')
      ?.querySelector('[data-key-tab]')
      ?.getAttribute('data-key-tab');
    const next = KEY_DETAIL_TABS.find((t) => t === value);
    if (!next) return;
    if (isOwnKeyTab(next)) void loadKeyTab(next).catch(() => undefined);
    else composedTabs.preload(next);
  };

  const tabProps: KeyTabProps = {
    kmsKey,
    region,
    onOpenTab: goTo,
    onRotateNow: () => setDialog('rotate'),
  };
  return (
    <div className={styles.page} onPointerOver={preloadTab} onFocus={preloadTab}>
      <KeyHeader kmsKey={kmsKey} region={region} dialog={dialog} onDialogChange={setDialog} />
      {refreshError ? <RefreshFailed error={refreshError} onRetry={onRetry} /> : null}
      <Tabs value={tab} onValueChange={goTo} items={items} label="Key sections">
        <Suspense fallback={<TabSkeleton />}>
          {isOwnKeyTab(tab) ? <OwnTab tab={tab} {...tabProps} /> : composedTabs.render(tab, kmsKey)}
        </Suspense>
      </Tabs>
    </div>
  );
}

/** The key page's own tabs, each drawn from its chunk (loaded with the route: KEY_TAB_CHUNKS). */
const OWN_TABS: Record<OwnKeyTab, ComponentType<KeyTabProps>> = {
  overview: chunkComponent(KEY_TAB_CHUNKS.overview),
  versions: chunkComponent(KEY_TAB_CHUNKS.versions),
  rotation: chunkComponent(KEY_TAB_CHUNKS.rotation),
  'public-key': chunkComponent(KEY_TAB_CHUNKS['public-key']),
  api: chunkComponent(KEY_TAB_CHUNKS.api),
};

function OwnTab({ tab, ...props }: KeyTabProps & { tab: OwnKeyTab }) {
  const Tab = OWN_TABS[tab];
  return <Tab {...props} />;
}

/** Shown only while a tab's code is still on its way (route loaders normally wait for it). */
function TabSkeleton() {
  return (
    <div className={styles.skeletonGrid} aria-busy="true" aria-label="Loading">
      <Skeleton height={180} />
      <Skeleton height={180} />
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
