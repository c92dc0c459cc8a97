import { ScrollText, SearchX } from 'lucide-react';
import { ErrorPanel } from '@/components/errors/error-panel';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { KmsDisabledState } from '@/features/regions';
import { isApiError } from '@/lib/api-client';
import { useApiClient } from '@/lib/api-context';

/** Nothing recorded at all (before the snapshot). */
export function NoEvents({ subject }: { subject: string }) {
  return (
    <EmptyState icon={<ScrollText size={22} aria-hidden />} title="No events recorded yet">
      <p>
        Every operation on {subject} is recorded here: creation, rotation, encrypt and decrypt,
        signing, exports, and every refused request, with who made it and why it failed.
      </p>
    </EmptyState>
  );
}

/** Events exist, but none match the filters. */
export function NoMatchingEvents({ onClear }: { onClear?: (() => void) | undefined }) {
  return (
    <EmptyState
      icon={<SearchX size={22} aria-hidden />}
      title="No events match"
      actions={
        onClear ? (
          <Button variant="primary" onClick={onClear}>
            Clear filters
          </Button>
        ) : null
      }
    >
      <p>No recorded event matches these filters in this time range.</p>
    </EmptyState>
  );
}

/** A page number past the end of the view (the log shrank, or a hand-edited link). */
export function PastTheEnd({
  page,
  lastPage,
  onGo,
}: {
  page: number;
  lastPage: number;
  onGo: (page: number) => void;
}) {
  return (
    <EmptyState
      icon={<SearchX size={22} aria-hidden />}
      title={`There is no page ${page.toLocaleString('en')}`}
      actions={
        <Button variant="primary" onClick={() => onGo(lastPage)}>
          Go to the last page ({lastPage.toLocaleString('en')})
        </Button>
      }
    >
      <p>This view has {lastPage.toLocaleString('en')} pages.</p>
    </EmptyState>
  );
}

export function AuditError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const client = useApiClient();
  if (isApiError(error, 403)) {
    return <KmsDisabledState organisation={client.organisation} serverMessage={error.message} />;
  }
  return <ErrorPanel error={error} onRetry={onRetry} title="Could not load the audit log" />;
}
