import { CryptoInputError } from '../crypto/index';
import { DomainError } from '../domain/errors';
import type { DomainErrorKind } from '../domain/errors';
import { KeyGoneError } from '../store/store';

type RefusalStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 503;

/** An error the HTTP layer itself raises (token, headers, scope, region, body). */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: RefusalStatus,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new HttpError(400, message);
export const notFound = (message: string) => new HttpError(404, message);

const DOMAIN_STATUS: Record<DomainErrorKind, RefusalStatus> = {
  invalid: 400,
  'not-found': 404,
  conflict: 409,
};

/**
 * The one mapping of refusals to answers: the status and message a caller gets for an error
 * from any layer (HTTP, domain, crypto, store). Undefined for anything else, which is a bug
 * (500, message not shown).
 */
export function refusalOf(error: unknown): { status: RefusalStatus; reason: string } | undefined {
  if (error instanceof HttpError) return { status: error.status, reason: error.message };
  if (error instanceof DomainError)
    return { status: DOMAIN_STATUS[error.kind], reason: error.message };
  if (error instanceof CryptoInputError) return { status: 400, reason: error.message };
  if (error instanceof KeyGoneError) return { status: 404, reason: 'Key not found' };
  return undefined;
}
