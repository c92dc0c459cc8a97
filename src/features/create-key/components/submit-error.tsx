import { AlertTriangle, RefreshCw } from 'lucide-react';
import { describeError } from '@/components/errors/describe-error';
import { Button } from '@/components/ui/button';
import { ApiError, NetworkError } from '@/lib/api-client';
import styles from './submit-error.module.css';

/**
 * Why creation failed when the failure is not about one field: 403 (KMS off), 503 (region
 * unavailable), network and server errors. Retry keeps every input.
 */
export function SubmitError({
  error,
  region,
  onRetry,
  onChangeRegion,
}: {
  error: unknown;
  region: string;
  onRetry: () => void;
  onChangeRegion: () => void;
}) {
  const d = describeError(error);
  const status = error instanceof ApiError ? error.status : undefined;
  let title = d.title;
  let detail = d.detail;
  if (status === 403) {
    title = 'Keys cannot be created: KMS is not enabled for this organisation';
    detail = `${error instanceof Error ? error.message : ''}. An organisation administrator must enable the KMS feature first; nothing was created.`;
  } else if (status === 503) {
    title = `Keys cannot be created in ${region} right now`;
    detail = `${error instanceof Error ? error.message : 'KMS is not available in this region'}. Choose another region under Details, or try again later. Nothing was created.`;
  } else if (error instanceof NetworkError) {
    title = 'The key was not created: the KMS API could not be reached';
    detail = 'Check your connection and try again. Everything you entered is kept.';
  }
  const canRetry = d.isRetryable || status === 503;
  return (
    <div className={styles.box} role="alert">
      <AlertTriangle size={18} aria-hidden className={styles.icon} />
      <div className={styles.body}>
        <strong>{title}</strong>
        <p>{detail}</p>
        {status ? <p className={styles.status}>HTTP {status}</p> : null}
        <div className={styles.actions}>
          {canRetry ? (
            <Button size="small" variant="primary" onClick={onRetry}>
              <RefreshCw size={14} aria-hidden /> Try again
            </Button>
          ) : null}
          {status === 503 ? (
            <Button size="small" onClick={onChangeRegion}>
              Choose another region
            </Button>
          ) : null}
        </div>
      </div>
    </div>
  );
}
