import { AlertTriangle } from 'lucide-react';
import { Notice } from '@/components/ui/notice';
import { useSummary } from '@/features/regions';
import type { Summary } from '@/contract';
import { useApiClient } from '@/lib/api-context';
import styles from './availability-notice.module.css';

/**
 * Says up front when keys cannot be created here: KMS off for the organisation (the summary's
 * featureEnabled) or not available in this region. Creation itself still reports 403/503.
 */
export function AvailabilityNotice({ region }: { region: string }) {
  const client = useApiClient();
  const { data } = useSummary();
  const state = availability(data, region);
  if (state === 'disabled') {
    return (
      <Notice
        tone="danger"
        icon={<AlertTriangle size={16} aria-hidden />}
        className={styles.notice}
      >
        <strong>KMS is not enabled for organisation {client.organisation}.</strong> Keys cannot be
        created until an organisation administrator enables the KMS feature.
      </Notice>
    );
  }
  const current = data?.regions.find((r) => r.slug === region || r.identity === region);
  if (state === 'unavailable' && current) {
    return (
      <Notice
        tone="warning"
        icon={<AlertTriangle size={16} aria-hidden />}
        className={styles.notice}
      >
        <strong>KMS is not available in {current.name}.</strong> Keys cannot be created here right
        now: choose another region under Details.
      </Notice>
    );
  }
  return null;
}

/** What the summary already says about creating keys in a region (null: nothing known). */
export function availability(
  summary: Summary | undefined,
  region: string,
): 'disabled' | 'unavailable' | null {
  if (!summary) return null;
  if (!summary.featureEnabled) return 'disabled';
  const current = summary.regions.find((r) => r.slug === region || r.identity === region);
  return current && !current.kmsAvailable ? 'unavailable' : null;
}

/** True when the summary already says a key cannot be created in the region. */
export function useCannotCreate(region: string): boolean {
  const { data } = useSummary();
  return availability(data, region) !== null;
}
