import { ErrorPanel } from '@/components/errors/error-panel';
import { ProjectNotFound } from '@/features/connection';
import { isApiError } from '@/lib/api-client';
import { useApiClient } from '@/lib/api-context';
import { KmsDisabledState } from './kms-disabled-state';

/**
 * Why the region summary could not be read, for any page built on it: KMS not enabled for the
 * organisation (403), an unknown project (404 in a project scope), or the error with a retry.
 */
export function SummaryError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const client = useApiClient();
  if (isApiError(error, 403))
    return <KmsDisabledState organisation={client.organisation} serverMessage={error.message} />;
  if (isApiError(error, 404) && client.project)
    return (
      <ProjectNotFound
        project={client.project}
        organisation={client.organisation}
        serverMessage={error.message}
      />
    );
  return <ErrorPanel error={error} onRetry={onRetry} />;
}
