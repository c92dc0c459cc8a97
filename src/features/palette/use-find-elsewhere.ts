import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Key } from '@/contract';
import { keyDetailQuery } from '@/features/keys';
import { isApiError } from '@/lib/api-client';
import { useApiClient } from '@/lib/api-context';
import { sourceId } from './palette-search';
import { useKmsRegions, useScopeClients } from './use-key-sources';

export interface Place {
  id: string;
  project: string | undefined;
  region: string;
  regionName: string;
}

export interface FoundKey extends Place {
  key: Key;
}

export interface FailedPlace extends Place {
  error: unknown;
}

/**
 * Looks a key up (identity or slug) in every other place the session knows: each KMS region in
 * the scope in use, organisation scope and the projects used in this session. One small GET per
 * place; "not found" (404) there is an answer, any other error is reported as not checked.
 */
export function useFindElsewhere(region: string, keyId: string) {
  const client = useApiClient();
  const clients = useScopeClients();
  const { regions, isPending: isRegionsPending } = useKmsRegions();
  const places = useMemo(
    () =>
      clients.flatMap((c) =>
        regions
          .filter((r) => c !== client || (r.slug !== region && r.identity !== region))
          .map((r) => ({ client: c, region: r })),
      ),
    [clients, regions, client, region],
  );
  const results = useQueries({
    queries: places.map((p) => keyDetailQuery(p.client, p.region.slug, keyId)),
  });
  const found: FoundKey[] = [];
  const failed: FailedPlace[] = [];
  let pending = 0;
  places.forEach((p, i) => {
    const result = results[i];
    const place: Place = {
      id: sourceId(p.client.project, p.region.slug),
      project: p.client.project,
      region: p.region.slug,
      regionName: p.region.name,
    };
    if (!result || result.isPending) pending += 1;
    else if (result.data) found.push({ ...place, key: result.data });
    else if (!isApiError(result.error, 404)) failed.push({ ...place, error: result.error });
  });
  const scopes = [...new Set(clients.map((c) => c.project))];
  return {
    found,
    failed,
    checked: places.length - pending,
    total: places.length,
    isSearching: isRegionsPending || pending > 0,
    scopes,
  };
}
