import { Link } from '@tanstack/react-router';
import { FolderKanban } from 'lucide-react';
import { purposesOf, type Key, type KeyPurpose } from '@/contract';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { CopyButton } from '@/components/ui/copy-button';
import { daysUntil, formatDate, formatDateTime, formatRelative, pluralize } from '@/lib/format';
import { keyTypeLabel, nextRotationAt } from './key-list-model';
import { statusTitle } from '../detail/key-rules';
import styles from './key-list.module.css';

const STATUS_TONES: Record<Key['status'], BadgeTone> = {
  active: 'success',
  disabled: 'neutral',
  pending_deletion: 'danger',
};

export function NameCell({
  keyData,
  region,
  isTabStop,
}: {
  keyData: Key;
  region: string;
  isTabStop: boolean;
}) {
  return (
    <div className={styles.nameCell}>
      <Link
        to="/regions/$region/keys/$keyId"
        params={{ region, keyId: keyData.identity }}
        className={styles.keyLink}
        tabIndex={isTabStop ? 0 : -1}
        data-key-link={keyData.identity}
        title={keyData.name}
      >
        {keyData.name}
      </Link>
      <span className={styles.subLine}>
        <span className={`${styles.sub} mono`}>{keyData.slug}</span>
        {keyData.projectId ? (
          <span className={styles.scopeBadge} title={`Project key: ${keyData.projectId}`}>
            <FolderKanban size={11} aria-hidden />
            <span className="visually-hidden">Project </span>
            {keyData.projectId}
          </span>
        ) : null}
      </span>
    </div>
  );
}

const SHORT_PURPOSE: Record<KeyPurpose, string> = {
  encrypt: 'Encrypt',
  sign: 'Sign',
  hmac: 'HMAC',
};

export function TypeCell({ keyData }: { keyData: Key }) {
  const purposes = purposesOf(keyData.keyType).map((p) => SHORT_PURPOSE[p]);
  return (
    <div className={styles.stack}>
      <span className={styles.ellipsis} title={keyData.keyType}>
        {keyTypeLabel(keyData.keyType)}
      </span>
      <span className={styles.sub}>{purposes.join(' · ')}</span>
    </div>
  );
}

export function StatusCell({ keyData, now }: { keyData: Key; now: Date }) {
  const status = keyData.status;
  const purgeAt = status === 'pending_deletion' ? keyData.deletionScheduledAt : undefined;
  const days = purgeAt ? daysUntil(purgeAt, now) : null;
  return (
    <div className={styles.stack}>
      <span>
        <Badge tone={STATUS_TONES[status]} hasDot>
          {statusTitle(status)}
        </Badge>
      </span>
      {purgeAt && days !== null ? (
        <span className={styles.countdown} title={`Deleted for good on ${formatDateTime(purgeAt)}`}>
          {days > 0 ? `Deleted in ${pluralize(days, 'day')}` : 'Deletion due now'}
        </span>
      ) : null}
    </div>
  );
}

export function RotationCell({ keyData }: { keyData: Key }) {
  const next = nextRotationAt(keyData);
  if (!keyData.keyRotationEnabled || !keyData.rotationPeriodInDays || !next) {
    return <span className={styles.muted}>Off</span>;
  }
  const isPaused = keyData.status !== 'active';
  return (
    <div className={styles.stack}>
      <span>Every {pluralize(keyData.rotationPeriodInDays, 'day')}</span>
      <span
        className={styles.sub}
        title={
          isPaused
            ? 'Only active keys rotate automatically'
            : `Next rotation ${formatDateTime(next)}`
        }
      >
        {isPaused ? 'Paused while not active' : `Next ${formatDate(next)}`}
      </span>
    </div>
  );
}

export function LabelsCell({ labels }: { labels: Key['labels'] }) {
  const entries = Object.entries(labels ?? {});
  if (!entries.length) return <span className={styles.muted}>—</span>;
  const shown = entries.slice(0, 1);
  const all = entries.map(([k, v]) => `${k}=${v}`).join('\n');
  return (
    <div className={styles.chips} title={all}>
      {shown.map(([k, v]) => (
        <span key={k} className={styles.chip}>
          {k}
          {v ? <span className={styles.chipValue}>={v}</span> : null}
        </span>
      ))}
      {entries.length > shown.length ? (
        <span className={styles.chipMore}>+{entries.length - shown.length}</span>
      ) : null}
    </div>
  );
}

export function CreatedCell({ createdAt, now }: { createdAt: string; now: Date }) {
  return (
    <time dateTime={createdAt} title={formatDateTime(createdAt)} className={styles.ellipsis}>
      {formatRelative(createdAt, now)}
    </time>
  );
}

/** What the card and the table row show a key with. */
interface KeyViewProps {
  keyData: Key;
  region: string;
  isTabStop: boolean;
  now: Date;
}

/**
 * One key as a card (the list on phones): name and slug, status, then type, rotation and
 * latest version on one line.
 */
export function KeyCard({ keyData, region, isTabStop, now }: KeyViewProps) {
  const period = keyData.keyRotationEnabled ? keyData.rotationPeriodInDays : undefined;
  return (
    <div className={styles.card}>
      <NameCell keyData={keyData} region={region} isTabStop={isTabStop} />
      <StatusCell keyData={keyData} now={now} />
      <span className={styles.cardMeta}>
        <span title={keyData.keyType}>{keyTypeLabel(keyData.keyType)}</span>
        <span aria-hidden> · </span>
        <span>{period ? `Rotates every ${pluralize(period, 'day')}` : 'Rotation off'}</span>
        <span aria-hidden> · </span>
        <span className="mono">
          <span className="visually-hidden">Latest version </span>v{keyData.latestVersion}
        </span>
      </span>
    </div>
  );
}

/** One key as the table's cells, one per column of KEY_COLUMNS (tagged for the narrow-screen CSS). */
export function KeyCells({ keyData, region, isTabStop, now }: KeyViewProps) {
  return (
    <>
      <td data-col="name">
        <NameCell keyData={keyData} region={region} isTabStop={isTabStop} />
      </td>
      <td data-col="identity">
        <div className={styles.identityCell}>
          <span className={`${styles.ellipsis} mono`}>{keyData.identity}</span>
          <CopyButton
            value={keyData.identity}
            label={`identity of ${keyData.name}`}
            tabIndex={isTabStop ? 0 : -1}
          />
        </div>
      </td>
      <td data-col="type">
        <TypeCell keyData={keyData} />
      </td>
      <td data-col="status">
        <StatusCell keyData={keyData} now={now} />
      </td>
      <td data-col="rotation">
        <RotationCell keyData={keyData} />
      </td>
      <td data-col="latestVersion" className={styles.numeric}>
        <span className="mono">v{keyData.latestVersion}</span>
      </td>
      <td data-col="minDecryptionVersion" className={styles.numeric}>
        <span className="mono">v{keyData.minDecryptionVersion}</span>
      </td>
      <td data-col="labels">
        <LabelsCell labels={keyData.labels} />
      </td>
      <td data-col="created">
        <CreatedCell createdAt={keyData.createdAt} now={now} />
      </td>
    </>
  );
}
