import type Database from 'better-sqlite3';
import type { AuditLog, AuditOutcome } from '../../../src/contract/index';
import { toAuditLog } from '../audit';
import type { AuditInput } from '../audit';
import { statementCache } from './statements';

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

const PAGE_ORDER = 'ORDER BY created_at DESC, id DESC';

/** `GET /v1/audit`: server-side filters and paging over the audit table, newest first. */
export function createAuditReads(db: Database.Database) {
  const prepared = statementCache(db);
  return {
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
        `SELECT ${COLUMNS} FROM audit_log WHERE ${sql} ${PAGE_ORDER} LIMIT ? OFFSET ?`,
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
        page: plan(`SELECT ${COLUMNS} FROM audit_log WHERE ${sql} ${PAGE_ORDER} LIMIT 50`),
      };
    },
  };
}
