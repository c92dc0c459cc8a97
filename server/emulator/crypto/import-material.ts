import { createPrivateKey, type KeyObject } from 'node:crypto';
import { KEY_TYPE_INFO, type KeyType } from '../../../src/contract';
import { CryptoInputError } from './errors';
import { assertMaterialFits, isRawMaterialType } from './material';

const PEM_RE = /^\s*-----BEGIN ([A-Z0-9 ]+)-----/;

function parseDer(file: Buffer): KeyObject | null {
  for (const type of ['pkcs8', 'pkcs1', 'sec1'] as const) {
    try {
      return createPrivateKey({ key: file, format: 'der', type });
    } catch {
      // try the next encoding
    }
  }
  return null;
}

/**
 * The BYOK target material for a key file: raw bytes for symmetric types; for asymmetric types a
 * PKCS#8 DER key, or a PEM / PKCS#1 / SEC1 private key converted to PKCS#8 DER. Then checks that
 * it fits the key type. CryptoInputError with a message that never quotes the material.
 */
export function importMaterialFromFile(keyType: KeyType, file: Buffer): Buffer {
  if (!KEY_TYPE_INFO[keyType].importable) {
    throw new CryptoInputError(
      `${keyType} keys cannot be imported (BYOK is not offered for HMAC keys)`,
    );
  }
  if (isRawMaterialType(keyType)) {
    try {
      assertMaterialFits(keyType, file);
    } catch (error) {
      if (!(error instanceof CryptoInputError)) throw error;
      throw new CryptoInputError(
        `${error.message} (the file must hold the raw key bytes, not hex or base64 text)`,
      );
    }
    return file;
  }
  const pem = PEM_RE.exec(file.subarray(0, 100).toString('latin1'));
  let key: KeyObject | null;
  if (pem !== null) {
    const label = pem[1] ?? '';
    if (label.includes('ENCRYPTED')) {
      throw new CryptoInputError(
        'the PEM private key is encrypted: decrypt it first (openssl pkey -in key.pem -out plain.pem)',
      );
    }
    if (!label.includes('PRIVATE KEY')) {
      throw new CryptoInputError(`the file holds a PEM "${label}", not a private key`);
    }
    try {
      key = createPrivateKey({ key: file.toString('utf8'), format: 'pem' });
    } catch {
      throw new CryptoInputError('the PEM private key cannot be read');
    }
  } else {
    key = parseDer(file);
  }
  if (key === null) {
    throw new CryptoInputError(
      `${keyType} key material must be a private key: PKCS#8 DER, or PEM (PKCS#8, PKCS#1 or SEC1)`,
    );
  }
  const der = key.export({ type: 'pkcs8', format: 'der' });
  assertMaterialFits(keyType, der);
  return der;
}
