import type Database from 'better-sqlite3';
import {
  API_USER_IDENTITY,
  auditSearchText,
  describeAuditEvent,
  SCHEDULER_ACCOUNT,
} from '../audit';

/**
 * Schema migration 2: the platform's AuditLog shape (description, caller, reason, user agent),
 * old `audit_events` rows moved over (ids kept, so event IDs stay stable), and indexes for
 * every filter the console uses, each ending in the sort order (created_at, id). The time index
also carries the small columns other filters test, so counting with them needs no table reads.
 */
export const AUDIT_LOG_MIGRATION = `
  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    org TEXT NOT NULL,
    project TEXT NOT NULL,
    region TEXT NOT NULL,
    action TEXT NOT NULL,
    resource_type TEXT NOT NULL,
    resource_identity TEXT NOT NULL,
    description TEXT NOT NULL,
    user_identity TEXT,
    service_account TEXT,
    key_version TEXT,
    status INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    reason TEXT,
    user_agent TEXT,
    search_text TEXT NOT NULL
  );
  INSERT INTO audit_log (id, created_at, org, project, region, action, resource_type, resource_identity,
    description, user_identity, service_account, key_version, status, outcome, reason, user_agent, search_text)
  SELECT e.id, e.time, e.org, e.project, COALESCE(e.region, ''), e.action, e.resource_type,
    e.resource_identity,
    kms_audit_description(e.action, e.resource_identity, k.name, k.slug, e.outcome, e.key_version),
    CASE WHEN e.client = 'scheduler' OR e.action IN ('kms.rotate.scheduled', 'kms.purge')
      THEN NULL ELSE '${API_USER_IDENTITY}' END,
    CASE WHEN e.client = 'scheduler' OR e.action IN ('kms.rotate.scheduled', 'kms.purge')
      THEN '${SCHEDULER_ACCOUNT}' END,
    e.key_version, e.status, e.outcome, NULL,
    CASE WHEN e.client IS NULL OR e.client IN ('scheduler', 'unknown')
      OR e.action IN ('kms.rotate.scheduled', 'kms.purge') THEN NULL ELSE e.client END,
    ''
  FROM audit_events e LEFT JOIN keys k ON k.identity = e.resource_identity
  ORDER BY e.id;
  UPDATE audit_log SET search_text = kms_audit_search_text(action, resource_identity, description);
  DROP TABLE audit_events;
  CREATE INDEX audit_log_by_time ON audit_log (org, created_at, id, region, status, outcome,
    user_identity, service_account, action, resource_type);
  CREATE INDEX audit_log_by_resource ON audit_log (org, resource_identity, created_at, id);
  CREATE INDEX audit_log_by_action ON audit_log (org, action, created_at, id);
  CREATE INDEX audit_log_by_outcome ON audit_log (org, outcome, created_at, id);
`;

/** SQL functions the migration above calls (one definition of the sentence and search text). */
export function registerAuditSqlFunctions(db: Database.Database): void {
  db.function(
    'kms_audit_description',
    { deterministic: true },
    (action, identity, name, slug, outcome, keyVersion) =>
      describeAuditEvent(
        String(action),
        {
          identity: String(identity),
          name: typeof name === 'string' ? name : null,
          slug: typeof slug === 'string' ? slug : null,
        },
        outcome !== 'failure',
        typeof keyVersion === 'string' ? keyVersion : null,
      ),
  );
  db.function('kms_audit_search_text', { deterministic: true }, (action, identity, description) =>
    auditSearchText(String(action), String(identity), String(description)),
  );
}
