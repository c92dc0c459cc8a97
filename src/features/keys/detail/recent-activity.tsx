import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect } from 'react';
import { Badge } from '@/components/ui/badge';
import { AUDIT_ACTION_GROUPS, type AuditLog, type Key } from '@/contract';
import { auditActionLabel } from '@/features/audit';
import { useApiClient } from '@/lib/api-context';
import { formatDateTime, formatRelative } from '@/lib/format';
import { keyKeys, useKeyAuditSuspense } from '../api';
import shared from './detail-shared.module.css';
import styles from './recent-activity.module.css';

/** Audit actions that count as using the key: crypto operations and export. */
const USE_ACTIONS: ReadonlySet<string> = new Set([
  ...AUDIT_ACTION_GROUPS.crypto,
  ...AUDIT_ACTION_GROUPS.export,
]);

/** Events shown in the card; the Activity tab has the rest. */
const SHOWN = 8;

/** The most recent successful use of the key (a crypto operation or export), if any. */
export function lastUse(events: readonly AuditLog[]): AuditLog | undefined {
  let best: AuditLog | undefined;
  for (const e of events) {
    if (e.context.outcome !== 'success' || !USE_ACTIONS.has(e.action)) continue;
    if (!best || e.createdAt > best.createdAt) best = e;
  }
  return best;
}

/** Last use and recent audit events; suspends, so wrap it in Suspense and an ErrorBoundary. */
export function RecentActivity({ kmsKey, region }: { kmsKey: Key; region: string }) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const { data } = useKeyAuditSuspense(region, kmsKey.identity);
  // Every change of the key (rotate, disable, …) adds an audit record: refresh the feed.
  useEffect(() => {
    void queryClient.invalidateQueries({
      queryKey: keyKeys.audit(client.scopeKey, region, kmsKey.identity),
    });
  }, [queryClient, client.scopeKey, region, kmsKey.identity, kmsKey.objectVersion]);
  const events = data.items;
  const used = lastUse(events);
  return (
    <div className={shared.stack}>
      <p className={styles.lastUsed}>
        {used ? (
          <>
            Last used <strong>{formatRelative(used.createdAt)}</strong> by{' '}
            <strong>{auditActionLabel(used.action)}</strong>
            {used.context.keyVersion ? ` (version ${used.context.keyVersion})` : ''}
            <span className={shared.muted}>
              {' '}
              · <time dateTime={used.createdAt}>{formatDateTime(used.createdAt)}</time>
            </span>
          </>
        ) : (
          <>Not used in the recent activity shown.</>
        )}
      </p>
      {events.length === 0 ? (
        <p className={shared.muted}>No recorded activity yet.</p>
      ) : (
        <ol className={styles.activity} aria-label="Recent events, newest first">
          {events.slice(0, SHOWN).map((e) => (
            <li key={e.eventID} className={styles.activityItem}>
              <span className={styles.activityAction}>{auditActionLabel(e.action)}</span>
              {e.context.outcome === 'failure' ? (
                <Badge tone="danger" title={e.context.reason}>
                  failed ({e.context.responseStatus})
                </Badge>
              ) : null}
              {e.context.keyVersion ? (
                <span className={shared.muted}>v{e.context.keyVersion}</span>
              ) : null}
              <time
                className={styles.activityTime}
                dateTime={e.createdAt}
                title={formatDateTime(e.createdAt)}
              >
                {formatRelative(e.createdAt)}
              </time>
            </li>
          ))}
        </ol>
      )}
      <p>
        <Link
          to="/regions/$region/keys/$keyId/$tab"
          params={{ region, keyId: kmsKey.identity, tab: 'activity' }}
          search={{}}
        >
          {data.totalItems > SHOWN
            ? `All activity (${data.totalItems.toLocaleString('en')} events)`
            : 'All activity and last use per version'}
        </Link>
      </p>
    </div>
  );
}
