import { AUDIT_ACTION_GROUPS, type AuditLog } from '@/contract';

/** Actions that count as using a version (crypto operations with a key version). */
export const USAGE_ACTIONS = AUDIT_ACTION_GROUPS.crypto;

export interface LastUsedScan {
  /** Newest usage event per version found (success or failure). */
  byVersion: Map<number, AuditLog>;
  /** Usage events read. */
  scanned: number;
  /** createdAt of the oldest event read, or null when none. */
  oldest: string | null;
  /** The whole usage history was read (nothing older exists). */
  isComplete: boolean;
}

export const emptyScan = (): LastUsedScan => ({
  byVersion: new Map(),
  scanned: 0,
  oldest: null,
  isComplete: false,
});

/**
 * Folds one page of usage events (newest first) into the scan: the first event seen for a
 * version is its last use. Events without a version, or for versions the key does not list,
 * are counted but not assigned.
 */
export function foldUsagePage(
  scan: LastUsedScan,
  events: readonly AuditLog[],
  versions: ReadonlySet<number>,
): LastUsedScan {
  const byVersion = new Map(scan.byVersion);
  let oldest = scan.oldest;
  for (const e of events) {
    oldest = e.createdAt;
    const v = Number(e.context.keyVersion);
    if (!Number.isInteger(v) || !versions.has(v) || byVersion.has(v)) continue;
    byVersion.set(v, e);
  }
  return { ...scan, byVersion, scanned: scan.scanned + events.length, oldest };
}

/** Every version the key lists has been found. */
export function isEveryVersionFound(scan: LastUsedScan, versions: ReadonlySet<number>): boolean {
  for (const v of versions) if (!scan.byVersion.has(v)) return false;
  return true;
}
