import { CheckCircle2, CircleHelp, Clock, XCircle } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { formatBytes, formatDateTime } from '@/lib/format';
import type { Inspection } from '../lib/inspect';
import styles from './crypto-ui.module.css';

/** What a pasted thalassa:v<N>: string is: version, size and whether the KMS still takes it. */
export function InspectionView({ inspection }: { inspection: Inspection }) {
  if (inspection.state === 'empty') return null;
  const tone =
    inspection.state === 'usable'
      ? 'success'
      : inspection.state === 'retired'
        ? 'warning'
        : 'danger';
  const Icon =
    inspection.state === 'usable'
      ? CheckCircle2
      : inspection.state === 'retired'
        ? Clock
        : inspection.state === 'malformed'
          ? CircleHelp
          : XCircle;
  return (
    <div className={`${styles.inspection} ${styles[`inspection-${tone}`]}`} aria-live="polite">
      <Icon size={18} aria-hidden />
      <div className={styles.inspectionBody}>
        {inspection.version !== null ? (
          <div className={styles.inspectionFacts}>
            <Badge tone="accent">version {inspection.version}</Badge>
            {inspection.isLatest ? <Badge tone="success">latest</Badge> : null}
            {inspection.state === 'retired' ? <Badge tone="warning">retired</Badge> : null}
            {inspection.payloadBytes !== null ? (
              <span className={styles.muted}>{formatBytes(inspection.payloadBytes)} payload</span>
            ) : null}
            {inspection.versionCreatedAt ? (
              <span className={styles.muted}>
                version created {formatDateTime(inspection.versionCreatedAt)}
              </span>
            ) : null}
          </div>
        ) : null}
        <p>{inspection.message}</p>
      </div>
    </div>
  );
}
