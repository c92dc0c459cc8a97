import type Database from 'better-sqlite3';
import { listKeys } from './key-list';
import { fromRow } from './rows';
import type { KeyRecord, ListFilters, Scope, StatusCounts, VersionRecord } from './rows';
import type { KeyRecordCache } from './key-record-cache';
import type { Statements } from './statements';

/** Key counts per region and status, from `(region, status, n)` rows. */
function countsByRegion(rows: readonly { region: string; status: string; n: number }[]) {
  const out = new Map<string, StatusCounts>();
  for (const row of rows) {
    let c = out.get(row.region);
    if (!c) out.set(row.region, (c = { total: 0, active: 0, disabled: 0, pendingDeletion: 0 }));
    c.total += row.n;
    if (row.status === 'active') c.active += row.n;
    else if (row.status === 'disabled') c.disabled += row.n;
    else if (row.status === 'pending_deletion') c.pendingDeletion += row.n;
  }
  return out;
}

/** Reads of keys, their versions and public keys (never material: see sealed-rows.ts). */
export function createKeyReads(
  db: Database.Database,
  s: Statements,
  prepared: (sql: string) => Database.Statement,
  records: KeyRecordCache,
) {
  /** A key by identity, through the record cache (not filled inside a transaction). */
  const keyByIdentity = (identity: string): KeyRecord | undefined => {
    const cached = records.get(identity);
    if (cached) return cached;
    const row = s.keyByIdentity.get(identity);
    if (!row) return undefined;
    return db.inTransaction ? fromRow(row) : records.set(fromRow(row));
  };

  return {
    getKey(identity: string): KeyRecord | undefined {
      const row = s.keyByIdentity.get(identity);
      return row ? fromRow(row) : undefined;
    },

    /** `{id}` lookup: identity first, then slug, within one org + region + project scope. */
    findKey(scope: Scope, region: string, idOrSlug: string): KeyRecord | undefined {
      const byIdentity = keyByIdentity(idOrSlug);
      if (
        byIdentity?.org === scope.org &&
        byIdentity.region === region &&
        byIdentity.project === scope.project
      )
        return byIdentity;
      const row = s.keyInScopeBySlug.get(idOrSlug, scope.org, region, scope.project);
      return row ? fromRow(row) : undefined;
    },

    slugTaken(scope: Scope, region: string, slug: string): boolean {
      return s.keyInScopeBySlug.get(slug, scope.org, region, scope.project) !== undefined;
    },

    /** Keys of one scope and region matching every filter, oldest first, with their versions. */
    listKeys(
      scope: Scope,
      region: string,
      filters: ListFilters,
    ): { key: KeyRecord; versions: VersionRecord[] }[] {
      return listKeys(s, prepared, { scope, region, filters });
    },

    versionsOf(identity: string): VersionRecord[] {
      return s.versionsOf
        .all(identity)
        .map((v) => ({ version: v.version, createdAt: v.createdAt }));
    },

    publicKeys(identity: string): { version: number; publicKey: string | null }[] {
      return s.publicKeys.all(identity);
    },

    /** Key counts per region and status for one scope. */
    countsByRegion(scope: Scope): Map<string, StatusCounts> {
      return countsByRegion(s.counts.all(scope.org, scope.project));
    },

    rotationCandidates(): { key: KeyRecord; latestCreatedAt: string }[] {
      return s.rotationCandidates
        .all()
        .map((row) => ({ key: fromRow(row), latestCreatedAt: row.latestCreatedAt }));
    },

    purgeCandidates(nowIso: string): KeyRecord[] {
      return s.purgeCandidates.all(nowIso).map(fromRow);
    },
  };
}
