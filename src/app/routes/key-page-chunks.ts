import type { KeyDetailTab } from '@/features/keys/detail/key-detail-tabs';
import { isOwnKeyTab, loadKeyTab } from '@/features/keys/detail/key-tab-chunks';
import { lazyChunk } from '@/lib/lazy-chunk';

/**
 * The key page's parts drawn by other features, each its own chunk like the page's own tabs:
 * the crypto tools, the activity tab (audit) and, for a key not found, where else it is.
 */
export const cryptoPanelChunk = lazyChunk(() =>
  import('@/features/crypto/crypto-panel').then((m) => m.CryptoPanel),
);
export const keyActivityChunk = lazyChunk(() =>
  import('@/features/audit/key-activity').then((m) => m.KeyActivity),
);
export const findElsewhereChunk = lazyChunk(() =>
  import('@/features/palette/find-elsewhere').then((m) => m.FindElsewhere),
);

/**
 * Starts loading a key page tab's code. The route loaders wait for it (beside the page's own
 * chunk, while the key is fetched), so the tab is drawn at once, never as a placeholder.
 * A failed download is left to the tab itself, which shows the error and tries again.
 */
export function loadKeyPageTab(tab: KeyDetailTab): Promise<unknown> {
  const loading = isOwnKeyTab(tab)
    ? loadKeyTab(tab)
    : (tab === 'crypto' ? cryptoPanelChunk : keyActivityChunk).load();
  return loading.catch(() => undefined);
}
