import type { MaterialCache } from './material-cache';
import type { Secrets } from './secrets';
import type { Statements } from './statements';

interface WrappingKeyPair {
  publicKeyPem: string;
  privateKeyPem: string;
}

/**
 * What the database holds sealed under the root key: key material (opened through the cache of
 * recently used keys) and the regions' wrapping keys. Key material is sealed on its way in by
 * key-writes.ts.
 */
export function createSealedRows(s: Statements, secrets: Secrets, materials: MaterialCache) {
  return {
    /** Opens one version's material (cached); undefined when the version does not exist. */
    openMaterial(identity: string, version: number): Buffer | undefined {
      const cached = materials.get(identity, version);
      if (cached) return cached;
      const row = s.material.get(identity, version);
      if (!row) return undefined;
      const material = secrets.openMaterial(identity, version, row.material);
      materials.set(identity, version, material);
      return material;
    },

    /** The versions of a key whose unsealed material is cached now (tests, diagnostics). */
    cachedMaterialVersions(identity: string): number[] {
      return materials.versionsOf(identity);
    },

    getWrappingKey(region: string): WrappingKeyPair | undefined {
      const row = s.wrappingKey.get(region);
      if (!row) return undefined;
      const privateKeyPem = secrets.openWrappingKey(region, row.privateKeySealed);
      return { publicKeyPem: row.publicKeyPem, privateKeyPem };
    },

    /** Stores a region's wrapping key unless one exists already (the first one wins). */
    putWrappingKey(region: string, pair: WrappingKeyPair, createdAt: string): void {
      const sealed = secrets.sealWrappingKey(region, pair.privateKeyPem);
      s.insertWrappingKey.run(region, pair.publicKeyPem, sealed, createdAt);
    },
  };
}
