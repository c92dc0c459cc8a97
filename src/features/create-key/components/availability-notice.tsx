import { useQuery } from '@tanstack/react-query';
import { AlertTriangle } from 'lucide-react';
import { summaryQuery } from '@/features/regions';
import { useApiClient } from '@/lib/api-context';
import styles from './availability-notice.module.css';

/**
 * Says up front when keys cannot be created here: KMS off for the organisation (the summary's
 * featureEnabled) or not available in this region. Creation itself still reports 403/503.
 */
export function AvailabilityNotice({ region }: { region: string }) {
  const client = useApiClient();
  const { data } = useQuery(summaryQuery(client));
  if (!data) return null;
  if (!data.featureEnabled) {
    return (
      <div className={`${styles.notice} ${styles.danger}`} role="status">
        <AlertTriangle size={16} aria-hidden />
        <div>
          <strong>KMS is not enabled for organisation {client.organisation}.</strong> Keys cannot be
          created until an organisation administrator enables the KMS feature.
        </div>
      </div>
    );
  }
  const current = data.regions.find((r) => r.slug === region || r.identity === region);
  if (current && !current.kmsAvailable) {
    return (
      <div className={`${styles.notice} ${styles.warning}`} role="status">
        <AlertTriangle size={16} aria-hidden />
        <div>
          <strong>KMS is not available in {current.name}.</strong> Keys cannot be created here right
          now: choose another region under Details.
        </div>
      </div>
    );
  }
  return null;
}
