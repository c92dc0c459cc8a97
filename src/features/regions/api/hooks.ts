import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '@/lib/api-context';
import { summaryQuery } from './queries';

/** The regions summary of the active scope (availability and key counts per region). */
export function useSummary() {
  return useQuery(summaryQuery(useApiClient()));
}
