import { createApiClient, type ConnectionInfo } from '@/lib/api-client';

/**
 * Checks a connection before keeping it: one `GET /v1/kms/summary` (it answers for every
 * organisation, KMS on or off). Throws the client's ApiError / NetworkError on failure.
 * Nothing is cached: the answer belongs to a connection that is not in use yet.
 */
export async function verifyConnection(
  connection: ConnectionInfo,
  fetchImpl?: typeof fetch,
): Promise<void> {
  const client = createApiClient({ ...connection, ...(fetchImpl ? { fetchImpl } : {}) });
  await client.call('summary');
}
