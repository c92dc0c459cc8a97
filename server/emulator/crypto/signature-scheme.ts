import type { HashAlgorithm, KeyType } from '../../../src/contract';

/** One sign or verify call as a key family sees it: PKCS#8 DER material, the hash resolved. */
export interface SignCall {
  keyType: KeyType;
  material: Buffer;
  input: Buffer;
  hash: HashAlgorithm;
  /** `input` is already the `hash` digest. */
  prehashed: boolean;
}

/** The signatures of one key family. */
export interface SignatureScheme {
  sign(call: SignCall): Buffer;
  /** false (never an exception) for a malformed or non-matching signature. */
  verify(call: SignCall, signature: Buffer): boolean;
}
