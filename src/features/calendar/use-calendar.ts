import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { keyListQuery } from '@/features/keys';
import { summaryQuery } from '@/features/regions';
import { useApiClient } from '@/lib/api-context';
import type { RegionKeys } from './calendar-model';

export interface RegionLoad {
  region: string;
  regionName: string;
  isPending: boolean;
  error: unknown;
  retry: () => void;
}

/**
 * The key lists of every region with KMS in the scope in use, through the key list's own query
 * (shared cache). Lists arrive one by one; `loads` says how each region is doing.
 */
export function useCalendarLists() {
  const client = useApiClient();
  const summary = useQuery(summaryQuery(client));
  const regions = useMemo(
    () => (summary.data?.featureEnabled ? summary.data.regions.filter((r) => r.kmsAvailable) : []),
    [summary.data],
  );
  const results = useQueries({ queries: regions.map((r) => keyListQuery(client, r.slug)) });
  const lists: RegionKeys[] = [];
  const loads: RegionLoad[] = [];
  regions.forEach((r, i) => {
    const result = results[i];
    if (!result) return;
    if (result.data) lists.push({ region: r.slug, regionName: r.name, keys: result.data });
    loads.push({
      region: r.slug,
      regionName: r.name,
      isPending: result.isPending,
      error: result.isError ? result.error : null,
      retry: () => void result.refetch(),
    });
  });
  const version = results.map((r) => r.dataUpdatedAt).join(',');
  // `lists` is rebuilt every render; its identity follows the lists' data only.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableLists = useMemo(() => lists, [version, regions]);
  return { client, summary, lists: stableLists, loads };
}
