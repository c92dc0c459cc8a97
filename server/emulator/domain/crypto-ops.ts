import {
  canUseKey,
  DEFAULT_HASH_ALGORITHM,
  formatThalassaString,
  HASH_LENGTH,
  isVersionUsable,
  KEY_TYPE_INFO,
  parseThalassaString,
  supports,
} from '../../../src/contract/index';
import type {
  DecryptRequest,
  DecryptResponse,
  EncryptRequest,
  EncryptResponse,
  ExportRequest,
  ExportResponse,
  HashAlgorithm,
  HmacRequest,
  HmacResponse,
  KeyOperation,
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
import { invalid } from './errors';

/**
 * The crypto operations on a key: the checks (operation fits the key type, key active, version
 * usable, sizes), the version choice, and the answer. No HTTP and no audit here: the caller
 * records the returned `keyVersion`.
 */

/** What an operation answers, and the version it used (for the audit record). */
export interface CryptoResult<R> {
  response: R;
  keyVersion: number;
}

/** Opens a version's material; undefined when the version does not exist. */
export type MaterialSource = (key: KeyRecord, version: number) => Buffer | undefined;

function requireOperation(key: KeyRecord, op: KeyOperation): void {
  if (!supports(key.keyType, op)) throw invalid(`${key.keyType} keys do not support ${op}`);
}

function requireActive(key: KeyRecord, what: string): void {
  if (!canUseKey(key.status)) {
    throw invalid(`Only active keys can ${what}; this key is ${key.status}`);
  }
}

/** A version named by the client: it must exist and be >= minDecryptionVersion. */
function usableVersion(key: KeyRecord, version: number, field: string): number {
  if (!Number.isSafeInteger(version) || version < 1 || version > key.latestVersion) {
    throw invalid(
      `${field}: key version ${version} does not exist (latest is ${key.latestVersion})`,
    );
  }
  if (!isVersionUsable(key, version)) {
    throw invalid(
      `${field}: key version ${version} is below minDecryptionVersion ${key.minDecryptionVersion} and can no longer be used`,
    );
  }
  return version;
}

/** The version a new output uses: the one the client named (as a string), else the latest. */
export function chooseVersion(key: KeyRecord, requested: string | undefined): number {
  return requested !== undefined
    ? usableVersion(key, Number(requested), 'keyVersion')
    : key.latestVersion;
}

/** The version a `thalassa:v<N>:` string names (usable), and its payload. */
function versionOfString(key: KeyRecord, value: string, field: string) {
  const parsed = parseThalassaString(value);
  if (!parsed) throw invalid(`${field}: must be of the form thalassa:v<N>:<base64>`);
  return {
    version: usableVersion(key, parsed.version, field),
    payload: Buffer.from(parsed.payload, 'base64'),
  };
}

function checkPrehashed(
  key: KeyRecord,
  input: Buffer,
  hash: HashAlgorithm,
  prehashed: boolean | undefined,
): void {
  if (!prehashed) return;
  if (KEY_TYPE_INFO[key.keyType].family === 'ed25519') {
    throw invalid('prehashed: Ed25519 signs the message itself; prehashed input is not supported');
  }
  if (input.length !== HASH_LENGTH[hash]) {
    throw invalid(`input: a prehashed input must be the ${HASH_LENGTH[hash]}-byte ${hash} digest`);
  }
}

function requireHmacHash(key: KeyRecord, field: string, value: HashAlgorithm | undefined): void {
  const fixed = KEY_TYPE_INFO[key.keyType].hmacHash;
  if (value !== undefined && value !== fixed) {
    throw invalid(`${field}: ${key.keyType} keys use ${fixed ?? 'no hash'}, not ${value}`);
  }
}

const outputOf = (version: number, bytes: Buffer) =>
  formatThalassaString(version, bytes.toString('base64'));

export type CryptoOps = ReturnType<typeof createCryptoOps>;

export function createCryptoOps(source: MaterialSource) {
  const materialOf = (key: KeyRecord, version: number): Buffer => {
    const material = source(key, version);
    if (!material) throw invalid(`Key version ${version} does not exist`);
    return material;
  };

  /** Checks shared by every operation but export: type fits, key active. */
  const ready = (key: KeyRecord, op: KeyOperation, what: string) => {
    requireOperation(key, op);
    requireActive(key, what);
  };

  return {
    materialOf,

    encrypt(key: KeyRecord, body: EncryptRequest): CryptoResult<EncryptResponse> {
      ready(key, 'encrypt', 'encrypt');
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
      ready(key, 'decrypt', 'decrypt');
      const { version, payload } = versionOfString(key, body.ciphertext, 'ciphertext');
      const plaintext = kmsCrypto.decrypt(key.keyType, materialOf(key, version), payload);
      const response = { plaintext: plaintext.toString('base64'), keyVersion: String(version) };
      return { response, keyVersion: version };
    },

    sign(key: KeyRecord, body: SignRequest): CryptoResult<SignResponse> {
      ready(key, 'sign', 'sign');
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
      ready(key, 'verify', 'verify');
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

    hmac(key: KeyRecord, body: HmacRequest): CryptoResult<HmacResponse> {
      ready(key, 'hmac', 'compute an HMAC');
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
      ready(key, 'verify-hmac', 'verify an HMAC');
      requireHmacHash(key, 'hashAlgorithm', body.hashAlgorithm);
      const { version, payload } = versionOfString(key, body.hmac, 'hmac');
      const input = Buffer.from(body.input, 'base64');
      const valid = kmsCrypto.verifyHmac(key.keyType, materialOf(key, version), input, payload);
      return { response: { valid, keyVersion: String(version) }, keyVersion: version };
    },

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
