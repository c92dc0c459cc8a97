import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Badge } from '@/components/ui/badge';
import type { AuditEvent, Key } from '@/contract';
import { useApiClient } from '@/lib/api-context';
import { formatDateTime, formatRelative } from '@/lib/format';
import { keyAuditQuery, keyKeys } from '../api';
import styles from './key-detail.module.css';

/** Audit actions that count as using the key. */
const USE_ACTIONS = new Set([
  'kms.encrypt',
  'kms.decrypt',
  'kms.sign',
  'kms.verify',
  'kms.hmac',
  'kms.verify_hmac',
  'kms.export',
]);

const ACTION_LABELS: Record<string, string> = {
  'kms.encrypt': 'Encrypt',
  'kms.decrypt': 'Decrypt',
  'kms.sign': 'Sign',
  'kms.verify': 'Verify',
  'kms.hmac': 'HMAC',
  'kms.verify_hmac': 'Verify HMAC',
  'kms.rotate': 'Rotate',
  'kms.rotate.scheduled': 'Scheduled rotation',
  'kms.export': 'Export',
  'kms.create': 'Create',
  'kms.enable': 'Enable',
  'kms.disable': 'Disable',
  'kms.delete': 'Schedule deletion',
  'kms.cancel_deletion': 'Cancel deletion',
  'kms.purge': 'Purge',
  'kms.update_rotation': 'Update rotation',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

/** The most recent successful use of the key (a crypto operation or export), if any. */
export function lastUse(events: readonly AuditEvent[]): AuditEvent | undefined {
  let best: AuditEvent | undefined;
  for (const e of events) {
    if (e.outcome !== 'success' || !USE_ACTIONS.has(e.action)) continue;
    if (!best || e.time > best.time) best = e;
  }
  return best;
}

/** Last use and recent audit events; suspends, so wrap it in Suspense and an ErrorBoundary. */
export function RecentActivity({ kmsKey, region }: { kmsKey: Key; region: string }) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(keyAuditQuery(client, region, kmsKey.identity));
  // Every change of the key (rotate, disable, …) adds an audit record: refresh the feed.
  useEffect(() => {
    void queryClient.invalidateQueries({
      queryKey: keyKeys.audit(client.scopeKey, region, kmsKey.identity),
    });
  }, [queryClient, client.scopeKey, region, kmsKey.identity, kmsKey.objectVersion]);
  const events = [...data].sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : 0));
  const used = lastUse(events);
  return (
    <div className={styles.stack}>
      <p className={styles.lastUsed}>
        {used ? (
          <>
            Last used <strong>{formatRelative(used.time)}</strong> by{' '}
            <strong>{actionLabel(used.action)}</strong>
            {used.keyVersion ? ` (version ${used.keyVersion})` : ''}
            <span className={styles.muted}>
              {' '}
              · <time dateTime={used.time}>{formatDateTime(used.time)}</time>
            </span>
          </>
        ) : (
          <>Not used in the recent activity shown.</>
        )}
      </p>
      {events.length === 0 ? (
        <p className={styles.muted}>No recorded activity yet.</p>
      ) : (
        <ol className={styles.activity} aria-label="Recent events, newest first">
          {events.slice(0, 8).map((e) => (
            <li key={e.id} className={styles.activityItem}>
              <span className={styles.activityAction}>{actionLabel(e.action)}</span>
              {e.outcome === 'failure' ? (
                <Badge tone="danger">failed{e.status ? ` (${e.status})` : ''}</Badge>
              ) : null}
              {e.keyVersion ? <span className={styles.muted}>v{e.keyVersion}</span> : null}
              <time
                className={styles.activityTime}
                dateTime={e.time}
                title={formatDateTime(e.time)}
              >
                {formatRelative(e.time)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
