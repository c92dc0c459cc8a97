import { Link } from '@tanstack/react-router';
import { Badge } from '@/components/ui/badge';
import type { AuditLog } from '@/contract';
import { formatDateTime, formatRelative } from '@/lib/format';
import { auditActionLabel, auditCaller, SCHEDULER_ACCOUNT } from './audit-labels';
import styles from './audit.module.css';

export function TimeCell({ event, now }: { event: AuditLog; now: Date }) {
  return (
    <div className={styles.cellStack}>
      <time dateTime={event.createdAt} className={styles.nowrap}>
        {formatDateTime(event.createdAt)}
      </time>
      <span className={styles.sub}>{formatRelative(event.createdAt, now)}</span>
    </div>
  );
}

export function ActionCell({ event }: { event: AuditLog }) {
  return (
    <div className={styles.cellStack}>
      <strong>{auditActionLabel(event.action)}</strong>
      <span className={styles.mono}>{event.action}</span>
    </div>
  );
}

/** The key, one click away; the record's own sentence below it. */
export function KeyCell({ event }: { event: AuditLog }) {
  const region = event.context.region;
  return (
    <div className={styles.cellStack}>
      <Link
        to="/regions/$region/keys/$keyId"
        params={{ region, keyId: event.resourceIdentity }}
        className={styles.keyLink}
      >
        {event.resourceIdentity}
      </Link>
      {event.description ? (
        <span className={styles.description} title={event.description}>
          {event.description}
        </span>
      ) : null}
    </div>
  );
}

/** The version the operation used, linked to the key's version history. */
export function VersionCell({ event }: { event: AuditLog }) {
  const version = event.context.keyVersion;
  if (!version) return <span className={styles.sub}>–</span>;
  return (
    <Link
      to="/regions/$region/keys/$keyId/$tab"
      params={{ region: event.context.region, keyId: event.resourceIdentity, tab: 'versions' }}
      search={{}}
      className={styles.mono}
      aria-label={`Version ${version} of ${event.resourceIdentity}`}
    >
      v{version}
    </Link>
  );
}

export function CallerCell({ event }: { event: AuditLog }) {
  const caller = auditCaller(event);
  const isScheduler = event.serviceAccountIdentity === SCHEDULER_ACCOUNT;
  return (
    <div className={styles.cellStack}>
      <span>{isScheduler ? 'Scheduler' : caller}</span>
      <span className={styles.sub}>
        {isScheduler ? caller : event.serviceAccountIdentity ? 'service account' : 'user'}
      </span>
    </div>
  );
}

/** Success, or a visible failure with its status and reason. */
export function OutcomeCell({ event }: { event: AuditLog }) {
  const { outcome, responseStatus, reason } = event.context;
  if (outcome === 'success') return <Badge tone="success">Success</Badge>;
  return (
    <div className={styles.cellStack}>
      <span>
        <Badge tone="danger">Failed · {responseStatus}</Badge>
      </span>
      {reason ? <span className={styles.reason}>{reason}</span> : null}
    </div>
  );
}
