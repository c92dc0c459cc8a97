import { useEffect } from 'react';
import { useToast } from '@/components/ui/toast';
import { subscribeUrlNotices } from './url-notice';

/** Shows each "could not read part of this address" report as a short toast. */
export function UrlNotices() {
  const toast = useToast();
  useEffect(
    () =>
      subscribeUrlNotices((description) =>
        toast({ tone: 'info', title: 'Showing the nearest valid view', description }),
      ),
    [toast],
  );
  return null;
}
