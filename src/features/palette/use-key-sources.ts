import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { connectionStore, recentProjects, useConnection } from '@/features/connection';
import { keyListQuery } from '@/features/keys';
import { summaryQuery } from '@/features/regions';
import { createApiClient, type ApiClient } from '@/lib/api-client';
import { useApiClient } from '@/lib/api-context';
import { searchScopes, sourceId, type KeySource } from './palette-search';

export interface SourceState {
  id: string;
  project: string | undefined;
  region: string;
  regionName: string;
  status: 'pending' | 'error' | 'success';
  error: unknown;
}

export interface KnownRegion {
  identity: string;
  slug: string;
  name: string;
}

/**
 * API clients for the scopes the session knows: the one in use, organisation scope and the
 * projects used earlier in this session. The client in use is reused, so its cache is shared.
 */
export function useScopeClients(): ApiClient[] {
  const client = useApiClient();
  const connection = useConnection();
  const recent = connection ? recentProjects(connection.organisation) : [];
  const recentKey = recent.join('\n');
  return useMemo(() => {
    const scopes = searchScopes(client.project, recentKey ? recentKey.split('\n') : []);
    return scopes.map((project) =>
      project === client.project || !connection
        ? client
        : createApiClient({
            ...connection,
            project,
            onUnauthorized: () => connectionStore.clear({ isRefused: true }),
          }),
    );
  }, [client, connection, recentKey]);
}

/** The regions where KMS is available, from the summary of the scope in use (shared cache). */
export function useKmsRegions(isEnabled = true): { regions: KnownRegion[]; isPending: boolean } {
  const client = useApiClient();
  const summary = useQuery({ ...summaryQuery(client), enabled: isEnabled });
  const regions = useMemo(
    () =>
      summary.data?.featureEnabled
        ? summary.data.regions
            .filter((r) => r.kmsAvailable)
            .map((r) => ({ identity: r.identity, slug: r.slug, name: r.name }))
        : [],
    [summary.data],
  );
  return { regions, isPending: summary.isPending && isEnabled };
}

/**
 * Every key list the palette searches: each KMS region in each known scope, through the key
 * list's own query (so what the key list already loaded answers at once). Lists arrive one by
 * one; `sources` holds those that answered, `states` says how each one is doing.
 */
export function useKeySources(isEnabled: boolean): {
  regions: KnownRegion[];
  sources: KeySource[];
  states: SourceState[];
} {
  const clients = useScopeClients();
  const { regions } = useKmsRegions(isEnabled);
  const pairs = useMemo(
    () => clients.flatMap((c) => regions.map((r) => ({ client: c, region: r }))),
    [clients, regions],
  );
  const results = useQueries({
    queries: pairs.map(({ client, region }) => ({
      ...keyListQuery(client, region.slug),
      enabled: isEnabled,
    })),
  });
  // Recomputed only when a list answers or fails, not on every render (typing stays light).
  const version = results.map((r) => `${r.status}:${r.dataUpdatedAt}`).join(',');
  const { sources, states } = useMemo(() => {
    const sources: KeySource[] = [];
    const states: SourceState[] = [];
    pairs.forEach(({ client, region }, i) => {
      const result = results[i];
      if (!result) return;
      const base = { project: client.project, region: region.slug, regionName: region.name };
      if (result.data) sources.push({ ...base, keys: result.data });
      states.push({
        ...base,
        id: sourceId(client.project, region.slug),
        status: result.data ? 'success' : result.isError ? 'error' : 'pending',
        error: result.error,
      });
    });
    return { sources, states };
    // `version` stands for `results`, a new array on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pairs, version]);
  return { regions, sources, states };
}
