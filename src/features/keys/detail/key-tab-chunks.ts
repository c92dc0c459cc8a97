import type { ComponentType } from 'react';
import type { Key } from '@/contract';
import { lazyChunk, type LazyChunk } from '@/lib/lazy-chunk';
import type { KeyDetailTab } from './key-detail-tabs';

/** What the key page gives every tab (each takes the part it needs). */
export interface KeyTabProps {
  kmsKey: Key;
  region: string;
  onOpenTab: (tab: string) => void;
  onRotateNow: () => void;
}

/** The tabs another feature draws (composed by app, see KeyDetailPage). */
export type ComposedKeyTab = 'crypto' | 'activity';
export type OwnKeyTab = Exclude<KeyDetailTab, ComposedKeyTab>;

/**
 * Each of the key page's own tabs is its own chunk: the version history opens without the
 * rotation form's library, the crypto tools or the API snippets. Route loaders start the
 * tab in the URL beside the page's chunk and its data, and wait for it, so a tab is never
 * drawn as a placeholder first.
 */
export const KEY_TAB_CHUNKS: Record<OwnKeyTab, LazyChunk<ComponentType<KeyTabProps>>> = {
  overview: lazyChunk(() => import('./overview-tab').then((m) => m.OverviewTab)),
  versions: lazyChunk(() => import('./versions-tab').then((m) => m.VersionsTab)),
  rotation: lazyChunk(() => import('./rotation-tab').then((m) => m.RotationTab)),
  'public-key': lazyChunk(() => import('./public-key-tab').then((m) => m.PublicKeyTab)),
  api: lazyChunk(() => import('./api-tab').then((m) => m.ApiTab)),
};

export function isOwnKeyTab(tab: KeyDetailTab): tab is OwnKeyTab {
  return tab in KEY_TAB_CHUNKS;
}

/** Starts loading the code of one of the key page's own tabs (route loaders wait for it). */
export function loadKeyTab(tab: OwnKeyTab): Promise<unknown> {
  return KEY_TAB_CHUNKS[tab].load();
}
