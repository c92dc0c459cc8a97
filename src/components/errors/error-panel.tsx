import { AlertTriangle, RefreshCw } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { describeError } from './describe-error';

/** Renders an error in place with a specific message and a way forward. */
export function ErrorPanel({
  error,
  onRetry,
  actions,
  title,
}: {
  error: unknown;
  onRetry?: () => void;
  actions?: ReactNode;
  title?: string;
}) {
  const d = describeError(error);
  return (
    <div role="alert">
      <EmptyState
        tone="danger"
        icon={<AlertTriangle size={22} aria-hidden />}
        title={title ?? d.title}
        actions={
          <>
            {onRetry && d.isRetryable ? (
              <Button variant="primary" onClick={onRetry}>
                <RefreshCw size={14} aria-hidden /> Try again
              </Button>
            ) : null}
            {actions}
          </>
        }
      >
        <p>{d.detail}</p>
        {d.status ? <p className="mono">HTTP {d.status}</p> : null}
      </EmptyState>
    </div>
  );
}

/** A compact inline error line for forms and panels. */
export function InlineError({ error }: { error: unknown }) {
  const d = describeError(error);
  return (
    <p role="alert" style={{ color: 'var(--danger)', fontSize: 'var(--text-sm)', margin: 0 }}>
      <strong>{d.title}.</strong> {d.detail}
    </p>
  );
}
