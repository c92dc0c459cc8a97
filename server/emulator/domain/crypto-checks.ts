import {
  canUseKey,
  formatThalassaString,
  HASH_LENGTH,
  isVersionUsable,
  KEY_TYPE_INFO,
  parseThalassaString,
  supports,
} from '../../../src/contract/index';
import type { HashAlgorithm, KeyOperation } from '../../../src/contract/index';
import type { KeyRecord } from '../store/store';
import { invalid } from './errors';

/**
 * The checks of the crypto operations (operation fits the key type, key active, version usable,
 * sizes) and the version each one uses, each written once for all operations.
 */

export function requireOperation(key: KeyRecord, op: KeyOperation): void {
  if (!supports(key.keyType, op)) throw invalid(`${key.keyType} keys do not support ${op}`);
}

export function requireActive(key: KeyRecord, what: string): void {
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
export function versionOfString(key: KeyRecord, value: string, field: string) {
  const parsed = parseThalassaString(value);
  if (!parsed) throw invalid(`${field}: must be of the form thalassa:v<N>:<base64>`);
  return {
    version: usableVersion(key, parsed.version, field),
    payload: Buffer.from(parsed.payload, 'base64'),
  };
}

export function checkPrehashed(
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

export function requireHmacHash(
  key: KeyRecord,
  field: string,
  value: HashAlgorithm | undefined,
): void {
  const fixed = KEY_TYPE_INFO[key.keyType].hmacHash;
  if (value !== undefined && value !== fixed) {
    throw invalid(`${field}: ${key.keyType} keys use ${fixed ?? 'no hash'}, not ${value}`);
  }
}

/** A new output as a `thalassa:v<N>:` string. */
export const outputOf = (version: number, bytes: Buffer) =>
  formatThalassaString(version, bytes.toString('base64'));

/** Checks shared by every operation but export: type fits, key active. */
export function requireReady(key: KeyRecord, op: KeyOperation, what: string): void {
  requireOperation(key, op);
  requireActive(key, what);
}
