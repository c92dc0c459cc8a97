import { InlineError } from '@/components/errors/error-panel';
import { Badge } from '@/components/ui/badge';
import { Skeleton } from '@/components/ui/skeleton';
import { AUDIT_MAX_LIMIT, type Key } from '@/contract';
import { formatDate, formatDateTime, formatRelative, pluralize } from '@/lib/format';
import { Table, TableScroller } from '@/components/ui/table';
import { LAST_USED_MAX_PAGES, useLastUsed } from './api';
import { auditActionLabel } from './audit-labels';
import type { LastUsedScan } from './last-used';
import styles from './audit.module.css';

/** What the walk read, said plainly: the bound is part of the answer. */
function scanSummary(scan: LastUsedScan): string {
  if (scan.scanned === 0) return 'No encrypt, decrypt, sign, verify or HMAC operation is recorded.';
  if (scan.isComplete)
    return `From every recorded operation (${pluralize(scan.scanned, 'operation')}).`;
  return `From the last ${pluralize(scan.scanned, 'operation')}${scan.oldest ? `, since ${formatDate(scan.oldest)}` : ''}.`;
}

function notFoundText(scan: LastUsedScan): string {
  if (scan.isComplete) return 'Never used (no operation recorded)';
  return `Not used in the last ${scan.scanned.toLocaleString('en')} operations${scan.oldest ? ` (since ${formatDate(scan.oldest)})` : ''}`;
}

/**
 * Per version, when it was last used (encrypt, decrypt, sign, verify, HMAC), from the audit log:
 * a walk through the key's operations, newest first, that stops when every version is found or
 * after a bound, and says which.
 */
export function LastUsedPanel({ kmsKey, at }: { kmsKey: Key; at: string }) {
  const query = useLastUsed(kmsKey, at);
  if (query.isPending) {
    return (
      <div className={styles.stack} aria-busy="true" aria-label="Loading last use per version">
        <Skeleton width="50%" />
        <Skeleton />
        <Skeleton />
      </div>
    );
  }
  if (query.isError) return <InlineError error={query.error} />;
  const scan = query.data;
  const versions = [...kmsKey.versions].sort((a, b) => b.version - a.version);
  const now = new Date();
  return (
    <div className={styles.stack}>
      <p className={styles.muted}>
        {scanSummary(scan)}
        {scan.isComplete
          ? ''
          : ` The search stops after ${(LAST_USED_MAX_PAGES * AUDIT_MAX_LIMIT).toLocaleString('en')} operations or when every version is found.`}
      </p>
      <TableScroller
        className={styles.lastUsedScroll}
        tabIndex={0}
        role="region"
        aria-label="Last use per version, scrollable"
      >
        <Table className={styles.lastUsedTable} aria-label="Last use per version">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Last used</th>
              <th scope="col">Operation</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => {
              const e = scan.byVersion.get(v.version);
              return (
                <tr key={v.version} data-version={v.version}>
                  <th scope="row" className={styles.versionCell}>
                    v{v.version}
                    {v.version < kmsKey.minDecryptionVersion ? (
                      <span className={styles.sub}> retired</span>
                    ) : null}
                  </th>
                  {e ? (
                    <>
                      <td>
                        <time dateTime={e.createdAt} title={formatDateTime(e.createdAt)}>
                          {formatRelative(e.createdAt, now)}
                        </time>
                        <span className={styles.sub}> · {formatDateTime(e.createdAt)}</span>
                      </td>
                      <td>{auditActionLabel(e.action)}</td>
                      <td>
                        {e.context.outcome === 'success' ? (
                          <Badge tone="success">Success</Badge>
                        ) : (
                          <span className={styles.cellStack}>
                            <span>
                              <Badge tone="danger">Failed · {e.context.responseStatus}</Badge>
                            </span>
                            {e.context.reason ? (
                              <span className={styles.reason}>{e.context.reason}</span>
                            ) : null}
                          </span>
                        )}
                      </td>
                    </>
                  ) : (
                    <td colSpan={3} className={styles.notFound}>
                      {notFoundText(scan)}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </Table>
      </TableScroller>
    </div>
  );
}
