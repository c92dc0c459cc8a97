import { ZodError } from 'zod';
import { ApiError, NetworkError, ResponseShapeError } from '@/lib/api-client';

export interface ErrorDescription {
  title: string;
  detail: string;
  /** Whether trying again can help (network, 5xx). */
  isRetryable: boolean;
  status?: number;
}

/**
 * Turns any error into a specific, user-facing explanation (docs/architecture.md, "Console
 * conventions").
 */
export function describeError(error: unknown): ErrorDescription {
  if (error instanceof NetworkError) {
    return { title: 'Cannot reach the KMS API', detail: error.message, isRetryable: true };
  }
  if (error instanceof ResponseShapeError) {
    return {
      title: 'Unexpected answer from the API',
      detail: `${error.message}. The console and the API may be out of step.`,
      isRetryable: true,
    };
  }
  if (error instanceof ApiError) {
    const server = error.message;
    switch (error.status) {
      case 400:
        return {
          title: 'The request was refused',
          detail: server,
          isRetryable: false,
          status: 400,
        };
      case 401:
        return {
          title: 'The API refused the token',
          detail: `${server}. Sign in again with a valid token to continue.`,
          isRetryable: false,
          status: 401,
        };
      case 403:
        return {
          title: 'KMS is not enabled for this organisation',
          detail: `${server}. Ask an organisation administrator to enable the KMS feature, or switch organisation.`,
          isRetryable: false,
          status: 403,
        };
      case 404:
        return {
          title: 'Not found, or no access',
          detail: `${server}. It may not exist in this region and scope, or your role may not allow you to see it.`,
          isRetryable: false,
          status: 404,
        };
      case 409:
        return { title: 'Already exists', detail: server, isRetryable: false, status: 409 };
      case 413:
        return { title: 'Request too large', detail: server, isRetryable: false, status: 413 };
      case 503:
        return {
          title: 'KMS is not available in this region',
          detail: `${server}. KMS in this region cannot serve requests right now: try again later, or work in another region.`,
          isRetryable: true,
          status: 503,
        };
      default:
        return {
          title:
            error.status >= 500 ? 'The KMS API had a problem' : `Request failed (${error.status})`,
          detail: server,
          isRetryable: error.status >= 500,
          status: error.status,
        };
    }
  }
  if (error instanceof ZodError) {
    // Its message is a JSON list of schema issues: never shown to a person.
    return {
      title: 'This page could not be read',
      detail:
        'Part of the address is not in a form the console understands. Go back, or start from Regions.',
      isRetryable: false,
    };
  }
  return {
    title: 'Something went wrong',
    detail: error instanceof Error ? error.message : String(error),
    isRetryable: true,
  };
}
