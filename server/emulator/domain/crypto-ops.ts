import { DEFAULT_HASH_ALGORITHM, KEY_TYPE_INFO } from '../../../src/contract/index';
import type {
  DecryptRequest,
  DecryptResponse,
  EncryptRequest,
  EncryptResponse,
  ExportRequest,
  ExportResponse,
  HmacRequest,
  HmacResponse,
  PublicKeyResponse,
  SignRequest,
  SignResponse,
  VerifyHmacRequest,
  VerifyHmacResponse,
  VerifyRequest,
  VerifyResponse,
} from '../../../src/contract/index';
import * as kmsCrypto from '../crypto/index';
import type { KeyRecord } from '../store/store';
import {
  checkPrehashed,
  chooseVersion,
  outputOf,
  requireActive,
  requireHmacHash,
  requireOperation,
  requireReady,
  versionOfString,
} from './crypto-checks';
import { invalid } from './errors';

/**
 * The crypto operations on a key: the checks (crypto-checks.ts), the version choice, and the
 * answer. No HTTP and no audit here: the caller records the returned `keyVersion`.
 */

/** What an operation answers, and the version it used (for the audit record). */
export interface CryptoResult<R> {
  response: R;
  keyVersion: number;
}

/** Opens a version's material; undefined when the version does not exist. */
export type MaterialSource = (key: KeyRecord, version: number) => Buffer | undefined;

/** A version's material; a refusal when the version does not exist. */
type MaterialOf = (key: KeyRecord, version: number) => Buffer;

/** encrypt and decrypt (AEAD and RSA-OAEP). */
function cipherOps(materialOf: MaterialOf) {
  return {
    encrypt(key: KeyRecord, body: EncryptRequest): CryptoResult<EncryptResponse> {
      requireReady(key, 'encrypt', 'encrypt');
      const version = chooseVersion(key, body.keyVersion);
      const plaintext = Buffer.from(body.plaintext, 'base64');
      const max = KEY_TYPE_INFO[key.keyType].maxPlaintextBytes;
      if (max !== null && plaintext.length > max) {
        throw invalid(
          `plaintext: ${key.keyType} keys encrypt at most ${max} bytes (got ${plaintext.length})`,
        );
      }
      const payload = kmsCrypto.encrypt(key.keyType, materialOf(key, version), plaintext);
      const response = { ciphertext: outputOf(version, payload), keyVersion: String(version) };
      return { response, keyVersion: version };
    },

    decrypt(key: KeyRecord, body: DecryptRequest): CryptoResult<DecryptResponse> {
      requireReady(key, 'decrypt', 'decrypt');
      const { version, payload } = versionOfString(key, body.ciphertext, 'ciphertext');
      const plaintext = kmsCrypto.decrypt(key.keyType, materialOf(key, version), payload);
      const response = { plaintext: plaintext.toString('base64'), keyVersion: String(version) };
      return { response, keyVersion: version };
    },
  };
}

/** sign and verify (RSA-PSS, ECDSA, Ed25519). */
function signatureOps(materialOf: MaterialOf) {
  return {
    sign(key: KeyRecord, body: SignRequest): CryptoResult<SignResponse> {
      requireReady(key, 'sign', 'sign');
      if (body.context !== undefined && body.context !== '') {
        throw invalid('context: Ed25519ctx is not offered; send no context');
      }
      const hashAlgorithm = body.hashAlgorithm ?? DEFAULT_HASH_ALGORITHM;
      const input = Buffer.from(body.input, 'base64');
      checkPrehashed(key, input, hashAlgorithm, body.prehashed);
      const version = chooseVersion(key, body.keyVersion);
      const signature = kmsCrypto.sign(key.keyType, materialOf(key, version), input, {
        hashAlgorithm,
        prehashed: body.prehashed ?? false,
      });
      const response = { signature: outputOf(version, signature), keyVersion: String(version) };
      return { response, keyVersion: version };
    },

    verify(key: KeyRecord, body: VerifyRequest): CryptoResult<VerifyResponse> {
      requireReady(key, 'verify', 'verify');
      const hashAlgorithm = body.hashAlgorithm ?? DEFAULT_HASH_ALGORITHM;
      const input = Buffer.from(body.input, 'base64');
      checkPrehashed(key, input, hashAlgorithm, body.prehashed);
      const { version, payload } = versionOfString(key, body.signature, 'signature');
      const valid = kmsCrypto.verify(key.keyType, materialOf(key, version), input, payload, {
        hashAlgorithm,
        prehashed: body.prehashed ?? false,
      });
      return { response: { valid }, keyVersion: version };
    },
  };
}

/** hmac and verifyHmac (the key type's fixed hash). */
function macOps(materialOf: MaterialOf) {
  return {
    hmac(key: KeyRecord, body: HmacRequest): CryptoResult<HmacResponse> {
      requireReady(key, 'hmac', 'compute an HMAC');
      requireHmacHash(key, 'algorithm', body.algorithm);
      const version = chooseVersion(key, body.keyVersion);
      const input = Buffer.from(body.input, 'base64');
      const tag = kmsCrypto.hmac(key.keyType, materialOf(key, version), input);
      return {
        response: { hmac: outputOf(version, tag), keyVersion: String(version) },
        keyVersion: version,
      };
    },

    verifyHmac(key: KeyRecord, body: VerifyHmacRequest): CryptoResult<VerifyHmacResponse> {
      requireReady(key, 'verify-hmac', 'verify an HMAC');
      requireHmacHash(key, 'hashAlgorithm', body.hashAlgorithm);
      const { version, payload } = versionOfString(key, body.hmac, 'hmac');
      const input = Buffer.from(body.input, 'base64');
      const valid = kmsCrypto.verifyHmac(key.keyType, materialOf(key, version), input, payload);
      return { response: { valid, keyVersion: String(version) }, keyVersion: version };
    },
  };
}

/** What a key gives out of itself: its material (export) and its public keys. */
function materialOps(materialOf: MaterialOf) {
  return {
    exportKey(key: KeyRecord, body: ExportRequest): CryptoResult<ExportResponse> {
      if (!key.exportAllowed) {
        throw invalid(
          'This key was created with exportAllowed: false, so its material cannot be exported',
        );
      }
      requireActive(key, 'be exported');
      const version = chooseVersion(key, body.keyVersion);
      const keyMaterial = materialOf(key, version).toString('base64');
      return { response: { keyMaterial, keyVersion: String(version) }, keyVersion: version };
    },

    /** Public keys of every version, or of `wanted` only; stored ones, else derived. */
    publicKeys(
      key: KeyRecord,
      stored: readonly { version: number; publicKey: string | null }[],
      wanted: number | undefined,
    ): PublicKeyResponse {
      requireOperation(key, 'public-key');
      if (wanted !== undefined && wanted > key.latestVersion) {
        throw invalid(
          `version: key version ${wanted} does not exist (latest is ${key.latestVersion})`,
        );
      }
      const keys: Record<string, string> = {};
      for (const { version, publicKey } of stored) {
        if (wanted !== undefined && version !== wanted) continue;
        keys[String(version)] =
          publicKey ?? kmsCrypto.publicKeyOf(key.keyType, materialOf(key, version));
      }
      return { keys };
    },
  };
}

export type CryptoOps = ReturnType<typeof createCryptoOps>;

export function createCryptoOps(source: MaterialSource) {
  const materialOf: MaterialOf = (key, version) => {
    const material = source(key, version);
    if (!material) throw invalid(`Key version ${version} does not exist`);
    return material;
  };
  return {
    materialOf,
    ...cipherOps(materialOf),
    ...signatureOps(materialOf),
    ...macOps(materialOf),
    ...materialOps(materialOf),
  };
}
