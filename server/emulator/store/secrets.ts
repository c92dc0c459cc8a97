import { randomBytes } from 'node:crypto';
import { openWithRootKey, sealWithRootKey } from '../crypto/index';
import { loadOrCreateSecretFile } from '../data-dir';

const ROOT_KEY_FILE = 'root.key';

/**
 * The root key (`root.key` in the data folder, 0600, created on first start) and the sealing of
 * what the database holds under it: key material and the regions' wrapping keys. The additional
 * data binds each sealed value to its place, so a value copied to another row does not open.
 */
export function openSecrets(dataDir: string) {
  const file = loadOrCreateSecretFile(dataDir, ROOT_KEY_FILE, () => randomBytes(32));
  const rootKey = file.value;
  if (rootKey.length !== 32) {
    throw new Error(`${file.path} must hold exactly 32 bytes (found ${rootKey.length})`);
  }
  const materialAad = (identity: string, version: number) => `kms-key:${identity}:v${version}`;
  const wrappingAad = (region: string) => `wrapping-key:${region}`;
  return {
    rootKeyPath: file.path,
    sealMaterial: (identity: string, version: number, material: Buffer) =>
      sealWithRootKey(rootKey, material, materialAad(identity, version)),
    openMaterial: (identity: string, version: number, sealed: Buffer) =>
      openWithRootKey(rootKey, sealed, materialAad(identity, version)),
    sealWrappingKey: (region: string, privateKeyPem: string) =>
      sealWithRootKey(rootKey, Buffer.from(privateKeyPem, 'utf8'), wrappingAad(region)),
    openWrappingKey: (region: string, sealed: Buffer) =>
      openWithRootKey(rootKey, sealed, wrappingAad(region)).toString('utf8'),
  };
}

export type Secrets = ReturnType<typeof openSecrets>;
