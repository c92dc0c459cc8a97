import type Database from 'better-sqlite3';
import type { AuditLog, AuditOutcome } from '../../../src/contract/index';
import {
  API_USER_IDENTITY,
  auditSearchText,
  describeAuditEvent,
  SCHEDULER_ACCOUNT,
  toAuditLog,
} from '../audit';
import type { AuditInput } from '../audit';
import { statementCache } from './statements';

/**
 * The audit log table: every record is committed before the answer of its operation leaves,
 * and read by `GET /v1/audit` with server-side filters and paging.
 */

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

/** Filters of `GET /v1/audit`, all ANDed; lists match any of their values. */
export interface AuditFilter {
  actions?: readonly string[];
  resourceTypes?: readonly string[];
  resourceIdentity?: string;
  searchText?: string;
  responseStatus?: number;
  userIdentity?: string;
  serviceAccount?: string;
  region?: string;
  outcome?: AuditOutcome;
  /** Inclusive, RFC 3339 UTC with milliseconds (as stored). */
  createdAfter?: string;
  /** Exclusive, RFC 3339 UTC with milliseconds (as stored). */
  createdBefore?: string;
}

const COLUMNS = `id, created_at AS createdAt, org, project, region, action,
  resource_type AS resourceType, resource_identity AS resourceIdentity, description,
  user_identity AS userIdentity, service_account AS serviceAccount, key_version AS keyVersion,
  status, outcome, reason, user_agent AS userAgent`;

type AuditRow = AuditInput & { id: number };

/** WHERE clause and parameters; the clause's text depends only on which filters are set. */
function whereOf(org: string, f: AuditFilter): { sql: string; params: unknown[] } {
  const where = ['org = ?'];
  const params: unknown[] = [org];
  const eq = (column: string, value: string | number | undefined) => {
    if (value === undefined) return;
    where.push(`${column} = ?`);
    params.push(value);
  };
  const anyOf = (column: string, values: readonly string[] | undefined) => {
    if (values === undefined || values.length === 0) return;
    where.push(`${column} IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(values));
  };
  anyOf('action', f.actions);
  anyOf('resource_type', f.resourceTypes);
  eq('resource_identity', f.resourceIdentity);
  eq('status', f.responseStatus);
  eq('user_identity', f.userIdentity);
  eq('service_account', f.serviceAccount);
  eq('region', f.region);
  eq('outcome', f.outcome);
  if (f.createdAfter !== undefined) {
    where.push('created_at >= ?');
    params.push(f.createdAfter);
  }
  if (f.createdBefore !== undefined) {
    where.push('created_at < ?');
    params.push(f.createdBefore);
  }
  if (f.searchText !== undefined && f.searchText.trim() !== '') {
    where.push('instr(search_text, ?) > 0');
    params.push(f.searchText.trim().toLowerCase());
  }
  return { sql: where.join(' AND '), params };
}

export type AuditStore = ReturnType<typeof createAuditStore>;

export function createAuditStore(db: Database.Database) {
  const insert = db.prepare<[AuditInput & { searchText: string }]>(
    `INSERT INTO audit_log (created_at, org, project, region, action, resource_type, resource_identity,
      description, user_identity, service_account, key_version, status, outcome, reason, user_agent, search_text)
     VALUES (@createdAt, @org, @project, @region, @action, @resourceType, @resourceIdentity,
      @description, @userIdentity, @serviceAccount, @keyVersion, @status, @outcome, @reason, @userAgent,
      @searchText)`,
  );
  const insertOne = (record: AuditInput) =>
    insert.run({
      ...record,
      searchText: auditSearchText(record.action, record.resourceIdentity, record.description),
    });
  const insertManyTx = db.transaction((records: readonly AuditInput[]) => {
    for (const record of records) insertOne(record);
  });

  /*
   * Group commit: records of operations answered in the same turn of the event loop are
   * written in one transaction (one WAL append instead of one per record), and each caller's
   * promise resolves only after that commit, so no answer leaves before its record is durable
   * against a process crash (WAL, synchronous=NORMAL).
   */
  let queue: { record: AuditInput; done: () => void; failed: (error: unknown) => void }[] = [];
  const flush = () => {
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    try {
      insertManyTx(batch.map((item) => item.record));
    } catch (error) {
      for (const item of batch) item.failed(error);
      return;
    }
    for (const item of batch) item.done();
  };

  const prepared = statementCache(db);

  return {
    /** Writes one record now (inside the caller's transaction, if any). */
    insert(record: AuditInput): void {
      insertOne(record);
    },

    /** Queues a record for the next group commit; resolves once it is committed. */
    record(record: AuditInput): Promise<void> {
      return new Promise((done, failed) => {
        if (queue.length === 0) setImmediate(flush);
        queue.push({ record, done, failed });
      });
    },

    /** Commits queued records now (before the database closes). */
    flush,

    /** Writes many records in one transaction (seeding). */
    insertMany(records: readonly AuditInput[]): void {
      insertManyTx(records);
    },

    /** One page of an organisation's records, newest first, and the number matching. */
    list(
      org: string,
      filter: AuditFilter,
      page: number,
      limit: number,
    ): { items: AuditLog[]; total: number } {
      const { sql, params } = whereOf(org, filter);
      const counted = prepared(`SELECT COUNT(*) AS n FROM audit_log WHERE ${sql}`).get(
        ...params,
      ) as { n: number };
      const offset = (page - 1) * limit;
      if (offset >= counted.n) return { items: [], total: counted.n };
      const rows = prepared(
        `SELECT ${COLUMNS} FROM audit_log WHERE ${sql} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
      ).all(...params, limit, offset) as AuditRow[];
      return { items: rows.map((row) => toAuditLog(row.id, row)), total: counted.n };
    },

    /** The query plans of a list query's count and page (tests check the indexes used). */
    explain(org: string, filter: AuditFilter): { count: string[]; page: string[] } {
      const { sql, params } = whereOf(org, filter);
      const plan = (query: string) =>
        (db.prepare(`EXPLAIN QUERY PLAN ${query}`).all(...params) as { detail: string }[]).map(
          (r) => r.detail,
        );
      return {
        count: plan(`SELECT COUNT(*) FROM audit_log WHERE ${sql}`),
        page: plan(
          `SELECT ${COLUMNS} FROM audit_log WHERE ${sql} ORDER BY created_at DESC, id DESC LIMIT 50`,
        ),
      };
    },
  };
}
