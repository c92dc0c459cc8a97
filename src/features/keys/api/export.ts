import type { ExportResponse } from '@/contract';
import type { ApiClient } from '@/lib/api-client';

/**
 * Exports key material: the break-glass path. Deliberately a plain async function and not a
 * query or mutation: the material must never enter React Query's query or mutation cache. The
 * caller keeps the result in component state only, and clears it (docs/architecture.md, "Console
 * conventions").
 */
export function exportKeyMaterial(
  client: ApiClient,
  region: string,
  id: string,
  keyVersion: string | undefined,
  signal?: AbortSignal,
): Promise<ExportResponse> {
  return client.call('exportKey', {
    region,
    id,
    body: keyVersion ? { keyVersion } : {},
    ...(signal ? { signal } : {}),
  });
}
