import type Database from 'better-sqlite3';
import { auditSearchText } from '../audit';
import type { AuditInput } from '../audit';
import { createAuditReads } from './audit-reads';

/**
 * The audit log table: every record is committed before the answer of its operation leaves,
 * and read by `GET /v1/audit` with server-side filters and paging (audit-reads.ts). Its schema
 * is in audit-schema.ts.
 */

export type { AuditFilter } from './audit-reads';

/*
 * Group commit: records of operations answered in the same turn of the event loop are
 * written in one transaction (one WAL append instead of one per record), and each caller's
 * promise resolves only after that commit, so no answer leaves before its record is durable
 * against a process crash (WAL, synchronous=NORMAL).
 */
function createGroupCommit(writeAll: (records: readonly AuditInput[]) => void) {
  let queue: { record: AuditInput; done: () => void; failed: (error: unknown) => void }[] = [];
  const flush = () => {
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    try {
      writeAll(batch.map((item) => item.record));
    } catch (error) {
      for (const item of batch) item.failed(error);
      return;
    }
    for (const item of batch) item.done();
  };
  return {
    /** Queues a record for the next group commit; resolves once it is committed. */
    record(record: AuditInput): Promise<void> {
      return new Promise((done, failed) => {
        if (queue.length === 0) setImmediate(flush);
        queue.push({ record, done, failed });
      });
    },

    /** Commits queued records now (before the database closes). */
    flush,
  };
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

  return {
    /** Writes one record now (inside the caller's transaction, if any). */
    insert(record: AuditInput): void {
      insertOne(record);
    },

    ...createGroupCommit(insertManyTx),

    /** Writes many records in one transaction (seeding). */
    insertMany(records: readonly AuditInput[]): void {
      insertManyTx(records);
    },

    ...createAuditReads(db),
  };
}
