import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { Card } from '@/components/ui/card';
import { AUDIT_RESOURCE_TYPE_KEY, type Key } from '@/contract';
import { AuditEvents } from './audit-events';
import type { AuditFilterQuery } from './audit-query';
import { LastUsedPanel } from './last-used-panel';
import styles from './audit.module.css';

/**
 * The key page's Activity tab: when each version was last used, and every event of the key
 * (paged, pinned to the moment the tab opened, with newer events counted, not pushed in).
 */
export function KeyActivity({ kmsKey }: { kmsKey: Key }) {
  const [at, setAt] = useState(() => new Date().toISOString());
  const [page, setPage] = useState(1);
  const base: AuditFilterQuery = {
    resourceType: AUDIT_RESOURCE_TYPE_KEY,
    resourceIdentity: kmsKey.identity,
  };
  return (
    <div className={styles.stack}>
      <Card title="Last used, per version">
        <LastUsedPanel kmsKey={kmsKey} at={at} />
      </Card>
      <Card
        title="Events"
        actions={
          <Link to="/audit" search={{ key: kmsKey.identity }} className={styles.cardLink}>
            Open in the audit log
          </Link>
        }
      >
        <AuditEvents
          filters={{ ...base, createdBefore: at }}
          at={at}
          newer={{ ...base, createdAfter: at, page: '1', limit: '1' }}
          page={page}
          onPageChange={setPage}
          onShowNewer={() => {
            setAt(new Date().toISOString());
            setPage(1);
          }}
          isFiltered={false}
          label={`Events of ${kmsKey.name}`}
          subject="this key"
          showKey={false}
        />
      </Card>
    </div>
  );
}
