import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Summary } from '@/contract';
import { useApiClient } from '@/lib/api-context';
import { KmsDisabledState } from './kms-disabled-state';
import { SummaryError } from './summary-error';

/**
 * A page built on the region summary: its header, then the summary's loading state, why it
 * could not be read, or that KMS is off for the organisation; the page's own body only once
 * the summary says KMS is on.
 */
export function SummaryGate({
  header,
  summary,
  loading,
  children,
}: {
  header: ReactNode;
  summary: UseQueryResult<Summary>;
  /** Shown while the summary loads. */
  loading: ReactNode;
  children: (summary: Summary) => ReactNode;
}) {
  const client = useApiClient();
  let body: ReactNode;
  if (summary.isPending) body = loading;
  else if (summary.isError)
    body = <SummaryError error={summary.error} onRetry={() => void summary.refetch()} />;
  else if (!summary.data.featureEnabled)
    body = <KmsDisabledState organisation={client.organisation} />;
  else body = children(summary.data);
  return (
    <>
      {header}
      {body}
    </>
  );
}
