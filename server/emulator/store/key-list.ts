import type Database from 'better-sqlite3';
import { fromRow, KEY_COLUMNS, keySelectList } from './rows';
import type { KeyRecord, KeyRow, ListFilters, Scope, VersionRecord } from './rows';
import type { Statements, VersionRow } from './statements';

const EXACT_FILTERS = ['name', 'slug', 'identity', 'status', 'keyType'] as const;
const SELECT_KEYS = `SELECT ${keySelectList()} FROM keys WHERE`;

/** Keys of one scope and region matching every filter, oldest first, with their versions. */
export function listKeys(
  s: Statements,
  prepared: (sql: string) => Database.Statement,
  query: { scope: Scope; region: string; filters: ListFilters },
): { key: KeyRecord; versions: VersionRecord[] }[] {
  const { scope, region, filters } = query;
  const where = ['org = ?', 'region = ?', 'project = ?'];
  const params: string[] = [scope.org, region, scope.project];
  for (const field of EXACT_FILTERS) {
    const value = filters[field];
    if (value !== undefined) {
      where.push(`${KEY_COLUMNS[field]} = ?`);
      params.push(value);
    }
  }
  const rows = prepared(`${SELECT_KEYS} ${where.join(' AND ')} ORDER BY created_at, rowid`).all(
    ...params,
  ) as KeyRow[];
  const labelFilter = Object.entries(filters.matchLabels ?? {});
  const keys = rows
    .map(fromRow)
    .filter((k) => labelFilter.every(([name, value]) => k.labels[name] === value));
  if (keys.length === 0) return [];
  const byKey = new Map<string, VersionRecord[]>();
  const wanted = new Set(keys.map((k) => k.identity));
  const versionRows: VersionRow[] =
    keys.length === 1 && keys[0]
      ? s.versionsOf.all(keys[0].identity)
      : s.versionsInScope.all(scope.org, region, scope.project);
  for (const v of versionRows) {
    if (!wanted.has(v.keyIdentity)) continue;
    let list = byKey.get(v.keyIdentity);
    if (!list) byKey.set(v.keyIdentity, (list = []));
    list.push({ version: v.version, createdAt: v.createdAt });
  }
  return keys.map((key) => ({ key, versions: byKey.get(key.identity) ?? [] }));
}
