import { describe, expect, it, vi } from 'vitest';
import { makeKey } from '@/test/make-key';
import { ApiError, createApiClient, NetworkError, ResponseShapeError } from './api-client';

const KEY = makeKey({
  identity: 'kms-abc',
  name: 'Payments',
  createdAt: '2026-11-29T10:00:00Z',
});

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function clientWith(
  fetchImpl: typeof fetch,
  extra: { project?: string; onUnauthorized?: () => void } = {},
) {
  return createApiClient({
    baseUrl: 'https://api.example.test/',
    token: 'tok-1',
    organisation: 'org-local',
    fetchImpl,
    ...extra,
  });
}

describe('createApiClient', () => {
  it('sends the auth, organisation and project headers to the contract path', async () => {
    const fetchImpl = vi.fn(async () => jsonResponse(KEY));
    const client = clientWith(fetchImpl, { project: 'proj-web' });
    await client.call('getKey', { region: 'nl-01', id: 'kms-abc' });
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://api.example.test/v1/kms/nl-01/keys/kms-abc');
    expect(init.method).toBe('GET');
    expect(init.headers).toMatchObject({
      Authorization: 'Bearer tok-1',
      'X-Organisation-Identity': 'org-local',
      'X-Project-Identity': 'proj-web',
      Accept: 'application/json',
    });
  });

  it('omits the project header in organisation scope and encodes path parts', async () => {
    const fetchImpl = vi.fn(async () => jsonResponse(KEY));
    await clientWith(fetchImpl).call('getKey', { region: 'nl 01', id: 'a/b' });
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://api.example.test/v1/kms/nl%2001/keys/a%2Fb');
    expect(init.headers).not.toHaveProperty('X-Project-Identity');
  });

  it('sends JSON bodies and query strings', async () => {
    const fetchImpl = vi.fn(async () =>
      jsonResponse({ ciphertext: 'thalassa:v1:AAAA', keyVersion: '1' }),
    );
    const res = await clientWith(fetchImpl).call('encrypt', {
      region: 'nl-01',
      id: 'kms-abc',
      body: { plaintext: 'aGk=' },
    });
    expect(res).toEqual({ ciphertext: 'thalassa:v1:AAAA', keyVersion: '1' });
    const [, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.body).toBe('{"plaintext":"aGk="}');
    expect(init.headers).toMatchObject({ 'Content-Type': 'application/json' });

    const listFetch = vi.fn(async () => jsonResponse([KEY]));
    await clientWith(listFetch).call('listKeys', {
      region: 'nl-01',
      query: { status: 'active', name: undefined },
    });
    expect((listFetch.mock.calls[0] as unknown as [string])[0]).toBe(
      'https://api.example.test/v1/kms/nl-01/keys?status=active',
    );
  });

  it('parses responses with the contract and drops unknown fields', async () => {
    const fetchImpl = vi.fn(async () => jsonResponse({ ...KEY, somethingNew: 42 }));
    const key = await clientWith(fetchImpl).call('getKey', { region: 'nl-01', id: 'kms-abc' });
    expect(key).not.toHaveProperty('somethingNew');
    expect(key.identity).toBe('kms-abc');
  });

  it('rejects a 2xx body that breaks the contract', async () => {
    const fetchImpl = vi.fn(async () => jsonResponse({ ...KEY, latestVersion: 'one' }));
    await expect(
      clientWith(fetchImpl).call('getKey', { region: 'nl-01', id: 'x' }),
    ).rejects.toBeInstanceOf(ResponseShapeError);
  });

  it('turns non-2xx answers into ApiError with the server message', async () => {
    const fetchImpl = vi.fn(async () => jsonResponse({ message: 'key not found' }, 404));
    const error = await clientWith(fetchImpl)
      .call('getKey', { region: 'nl-01', id: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, message: 'key not found', endpoint: 'getKey' });
  });

  it('uses the status text when the error body is not JSON', async () => {
    const fetchImpl = vi.fn(
      async () =>
        new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    await expect(clientWith(fetchImpl).call('summary')).rejects.toMatchObject({
      status: 502,
      message: 'Bad Gateway',
    });
  });

  it('calls onUnauthorized on 401', async () => {
    const onUnauthorized = vi.fn();
    const fetchImpl = vi.fn(async () => jsonResponse({ message: 'invalid token' }, 401));
    await expect(clientWith(fetchImpl, { onUnauthorized }).call('summary')).rejects.toMatchObject({
      status: 401,
    });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('accepts 204 and empty bodies for lifecycle actions only', async () => {
    const noContent = vi.fn(async () => new Response(null, { status: 204 }));
    await expect(
      clientWith(noContent).call('disableKey', { region: 'nl-01', id: 'k' }),
    ).resolves.toBeNull();
    const empty = vi.fn(async () => new Response('', { status: 200 }));
    await expect(
      clientWith(empty).call('rotateKey', { region: 'nl-01', id: 'k' }),
    ).resolves.toBeNull();
    const emptyGet = vi.fn(async () => new Response('', { status: 200 }));
    await expect(
      clientWith(emptyGet).call('getKey', { region: 'nl-01', id: 'k' }),
    ).rejects.toBeInstanceOf(ResponseShapeError);
  });

  it('reports network failures as NetworkError, and passes aborts through', async () => {
    const down = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(clientWith(down).call('summary')).rejects.toBeInstanceOf(NetworkError);
    const aborted = vi.fn(async () => {
      throw new DOMException('aborted', 'AbortError');
    });
    await expect(clientWith(aborted).call('summary')).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('keys the scope by organisation and project', () => {
    const f = vi.fn();
    expect(clientWith(f).scopeKey).toBe('org-local/');
    expect(clientWith(f, { project: 'proj-ci' }).scopeKey).toBe('org-local/proj-ci');
  });
});
