import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '@/lib/api-client';
import { shouldRetry } from './query-client';

describe('shouldRetry', () => {
  it.each([400, 401, 403, 404, 409, 413])('never retries %i', (status) => {
    expect(shouldRetry(0, new ApiError(status, 'no', 'getKey'))).toBe(false);
  });
  it('retries 5xx and network errors twice', () => {
    expect(shouldRetry(0, new ApiError(503, 'down', 'getKey'))).toBe(true);
    expect(shouldRetry(1, new NetworkError())).toBe(true);
    expect(shouldRetry(2, new NetworkError())).toBe(false);
  });
});
