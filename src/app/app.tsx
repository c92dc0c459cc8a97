import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { ErrorBoundary } from '@/components/errors/error-boundary';
import { ToastProvider } from '@/components/ui/toast';
import { TooltipProvider } from '@/components/ui/tooltip';
import { connectionStore } from '@/features/connection/connection-store';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';

/** Providers: one QueryClient, tooltips, toasts, the router; an app-wide error boundary. */
export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createAppRouter(queryClient));
  // Sign-in, sign-out and a refused token change the session: the routes' guard runs again.
  useEffect(() => connectionStore.subscribe(() => void router.invalidate()), [router]);
  return (
    <ErrorBoundary>
      <QueryClientProvider client={queryClient}>
        <TooltipProvider delayDuration={300}>
          <ToastProvider>
            <RouterProvider router={router} />
          </ToastProvider>
        </TooltipProvider>
      </QueryClientProvider>
    </ErrorBoundary>
  );
}
