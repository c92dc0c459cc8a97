import { Link } from '@tanstack/react-router';
import { ShieldOff } from 'lucide-react';
import { buttonClassName } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

/**
 * KMS is switched off for the organisation (summary `featureEnabled: false`, or 403 on any
 * other path): say so plainly and say what to do about it.
 */
export function KmsDisabledState({
  organisation,
  serverMessage,
}: {
  organisation: string;
  serverMessage?: string | undefined;
}) {
  return (
    <div role="alert">
      <EmptyState
        tone="warning"
        icon={<ShieldOff size={22} aria-hidden />}
        title="KMS is not enabled for this organisation"
        actions={
          <>
            <a
              className={buttonClassName({ variant: 'secondary' })}
              href="https://docs.thalassa.cloud/docs/kms/getting-started/"
              target="_blank"
              rel="noreferrer noopener"
            >
              How to enable KMS
            </a>
            <Link
              to="/sign-in"
              search={{ redirect: '/regions', project: undefined }}
              className={buttonClassName({ variant: 'primary' })}
            >
              Use another organisation
            </Link>
          </>
        }
      >
        <p>
          The organisation <strong className="mono">{organisation}</strong> does not have the Key
          Management Service turned on, so it has no keys and none can be created.
        </p>
        <p>
          Ask an organisation owner to enable KMS for the organisation in Thalassa Cloud, then
          reload this page. If you meant another organisation, sign in to it instead.
        </p>
        {serverMessage ? <p className="mono">API: {serverMessage} (HTTP 403)</p> : null}
      </EmptyState>
    </div>
  );
}
