/** A key with this slug already exists in the scope and region (UNIQUE constraint). */
export class DuplicateSlugError extends Error {
  override name = 'DuplicateSlugError';
}

/** The key was purged (or never existed) by the time its transaction ran. */
export class KeyGoneError extends Error {
  override name = 'KeyGoneError';
}
