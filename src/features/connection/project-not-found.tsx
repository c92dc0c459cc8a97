import { useNavigate } from '@tanstack/react-router';
import { FolderX } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

/**
 * The API answered 404 in project scope: the project may not exist in this organisation, the
 * role may not reach it, or (on a region page) the region may be unknown. Offer the way back.
 */
export function ProjectNotFound({
  project,
  organisation,
  region,
  serverMessage,
}: {
  project: string;
  organisation: string;
  region?: string | undefined;
  serverMessage: string;
}) {
  const navigate = useNavigate();
  return (
    <div role="alert">
      <EmptyState
        tone="warning"
        icon={<FolderX size={22} aria-hidden />}
        title={
          region ? 'Region or project not found, or no access' : 'Project not found, or no access'
        }
        actions={
          <Button
            variant="primary"
            onClick={() =>
              void navigate({
                to: region ? '/regions/$region/keys' : '/regions',
                params: region ? { region } : {},
                search: { project: undefined },
              })
            }
          >
            Use organisation scope
          </Button>
        }
      >
        <p>
          This page is in the scope of project <strong className="mono">{project}</strong>
          {region ? (
            <>
              {' '}
              in region <strong className="mono">{region}</strong>
            </>
          ) : null}
          . Either it does not exist in <span className="mono">{organisation}</span>, or your role
          does not give you access to it: the API answers the same in both cases. Check the project
          in the scope menu, or switch back to organisation scope.
        </p>
        <p className="mono">API: {serverMessage} (HTTP 404)</p>
      </EmptyState>
    </div>
  );
}
