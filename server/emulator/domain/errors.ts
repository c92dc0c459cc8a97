/**
 * What the domain refuses, by kind; the HTTP layer maps each kind to a status in one place
 * (`http/errors.ts`). The message is what the caller reads.
 */
export type DomainErrorKind = 'invalid' | 'not-found' | 'conflict';

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** Bad input, a wrong state for the operation, or an operation the key type does not offer. */
export const invalid = (message: string) => new DomainError('invalid', message);
export const notFound = (message: string) => new DomainError('not-found', message);
/** A key with this slug exists already in the scope and region. */
export const conflict = (message: string) => new DomainError('conflict', message);
