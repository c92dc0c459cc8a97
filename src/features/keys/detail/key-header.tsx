import { Clock, PowerOff } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { CopyButton } from '@/components/ui/copy-button';
import { PageHeader } from '@/components/ui/page-header';
import { RegionsCrumb } from '@/components/layout/regions-crumb';
import { KEY_TYPE_INFO, type Key } from '@/contract';
import { daysUntil, formatDateTime, formatRelative } from '@/lib/format';
import { useServerNow } from '@/lib/use-server-now';
import { KeyListLink } from '../list/key-list-link';
import { KeyActions, type KeyDialogProps } from './key-actions';
import { ScopeBadge, StatusBadge } from './key-badges';
import { purgeDate } from './key-rules';
import shared from './detail-shared.module.css';
import styles from './key-header.module.css';

export function KeyHeader({ kmsKey, region, dialog, onDialogChange }: KeyDialogProps) {
  return (
    <>
      <PageHeader
        breadcrumbs={[
          <RegionsCrumb key="regions" />,
          <KeyListLink key="list" region={region} />,
          kmsKey.name,
        ]}
        title={kmsKey.name}
        badges={
          <>
            <StatusBadge status={kmsKey.status} />
            <Badge tone="accent">{KEY_TYPE_INFO[kmsKey.keyType].label}</Badge>
            <ScopeBadge kmsKey={kmsKey} />
            {kmsKey.imported ? <Badge tone="outline">Imported (BYOK)</Badge> : null}
          </>
        }
        subtitle={
          <div className={styles.ids}>
            <span className={styles.idItem}>
              <span className="small-caps">Identity</span>
              <code>{kmsKey.identity}</code>
              <CopyButton value={kmsKey.identity} label="identity" />
            </span>
            <span className={styles.idItem}>
              <span className="small-caps">Slug</span>
              <code>{kmsKey.slug}</code>
              <CopyButton value={kmsKey.slug} label="slug" />
            </span>
            <span className={styles.idItem}>
              <span className="small-caps">Type</span>
              <code>{kmsKey.keyType}</code>
            </span>
          </div>
        }
        actions={
          <KeyActions
            kmsKey={kmsKey}
            region={region}
            dialog={dialog}
            onDialogChange={onDialogChange}
          />
        }
      />
      {kmsKey.status === 'pending_deletion' ? (
        <DeletionBanner kmsKey={kmsKey} />
      ) : kmsKey.status === 'disabled' ? (
        <div className={`${shared.banner} ${shared.bannerWarning}`} role="status">
          <PowerOff size={18} aria-hidden />
          <div className={shared.bannerText}>
            <strong>This key is disabled.</strong> Every encrypt, decrypt, sign, verify, HMAC and
            export request is refused until it is enabled again.
          </div>
        </div>
      ) : null}
    </>
  );
}

/** Countdown to the purge while deletion is pending, with the way back. */
function DeletionBanner({ kmsKey }: { kmsKey: Key }) {
  const now = useServerNow(60_000);
  const purge = purgeDate(kmsKey, now);
  const days = purge ? daysUntil(purge, now) : null;
  return (
    <div className={`${shared.banner} ${styles.bannerDanger}`} role="status">
      <Clock size={18} aria-hidden />
      <div className={shared.bannerText}>
        <strong>
          Scheduled for deletion
          {purge ? (
            <>
              : purged{' '}
              {days !== null && days > 0
                ? `in ${days} day${days === 1 ? '' : 's'}`
                : formatRelative(purge, now)}
            </>
          ) : null}
        </strong>
        {purge ? (
          <>
            {' '}
            on <time dateTime={purge.toISOString()}>{formatDateTime(purge)}</time>.
          </>
        ) : null}{' '}
        Every operation is refused meanwhile; after the purge the key and all its versions are gone
        for good. Cancel the deletion to keep the key.
      </div>
    </div>
  );
}
