import { base64DecodedLength, parseThalassaString, type Key } from '@/contract';

export type InspectionState =
  /** Nothing entered. */
  | 'empty'
  /** Not of the form thalassa:v<N>:<base64>. */
  | 'malformed'
  /** Version at or above minDecryptionVersion and at most latestVersion: usable. */
  | 'usable'
  /** Version below minDecryptionVersion: refused by the KMS. */
  | 'retired'
  /** Version above latestVersion: this key never made it (another key, or tampered). */
  | 'unknown-version';

export interface Inspection {
  state: InspectionState;
  /** The trimmed string that was inspected. */
  value: string;
  version: number | null;
  payloadBytes: number | null;
  /** When the version was created, if the key lists it. */
  versionCreatedAt: string | null;
  isLatest: boolean;
  /** One sentence for the user. */
  message: string;
}

/**
 * Reads a `thalassa:v<N>:<base64>` string against a key's versions:
 * which version made it and whether the KMS will still accept it.
 */
export function inspectThalassaString(raw: string, key: Key, verb = 'decrypted'): Inspection {
  const value = raw.trim();
  const base = {
    value,
    version: null,
    payloadBytes: null,
    versionCreatedAt: null,
    isLatest: false,
  };
  if (value === '') return { ...base, state: 'empty', message: 'Paste a thalassa:v<N>: string.' };
  const parsed = parseThalassaString(value);
  if (!parsed) {
    return {
      ...base,
      state: 'malformed',
      message: 'Not a thalassa:v<N>:<base64> string: check that it was copied whole.',
    };
  }
  const { version } = parsed;
  const found = key.versions.find((v) => v.version === version);
  const common = {
    value,
    version,
    payloadBytes: base64DecodedLength(parsed.payload),
    versionCreatedAt: found?.createdAt ?? null,
    isLatest: version === key.latestVersion,
  };
  if (version > key.latestVersion) {
    return {
      ...common,
      state: 'unknown-version',
      message: `Version ${version} does not exist on this key (latest is ${key.latestVersion}): it was made by another key, or altered.`,
    };
  }
  if (version < key.minDecryptionVersion) {
    return {
      ...common,
      state: 'retired',
      message: `Made by version ${version}, below the minimum decryption version ${key.minDecryptionVersion}: it can no longer be ${verb}.`,
    };
  }
  const age = common.isLatest
    ? 'the latest version'
    : `an older version (latest is ${key.latestVersion})`;
  return {
    ...common,
    state: 'usable',
    message: `Made by version ${version}, ${age}: it can be ${verb}.`,
  };
}

/**
 * Why a pasted string cannot be sent, in a few words for beside the button (the inspection above
 * it gives the whole story), or null when it can.
 */
export function inspectionProblem(inspection: Inspection, what: string): string | null {
  switch (inspection.state) {
    case 'usable':
      return null;
    case 'empty':
      return `Paste the ${what} first.`;
    case 'malformed':
      return `Not a thalassa:v<N>: ${what}.`;
    case 'retired':
      return `Version ${inspection.version ?? '?'} is retired: the KMS refuses it.`;
    case 'unknown-version':
      return `This key has no version ${inspection.version ?? '?'}.`;
  }
}
