import { Link } from '@tanstack/react-router';
import { Compass } from 'lucide-react';
import { buttonClassName } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

export function NotFoundPage() {
  return (
    <EmptyState
      icon={<Compass size={22} aria-hidden />}
      title="Page not found"
      actions={
        <Link to="/regions" className={buttonClassName({ variant: 'primary' })}>
          Go to regions
        </Link>
      }
    >
      <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
    </EmptyState>
  );
}
