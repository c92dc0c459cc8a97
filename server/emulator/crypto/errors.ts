/**
 * The one error type of the crypto layer that a client caused (bad input, wrong key, tampered
 * payload). The HTTP layer maps it to 400 with its message; any other error is a bug (500).
 */
export class CryptoInputError extends Error {
  override name = 'CryptoInputError';
}
