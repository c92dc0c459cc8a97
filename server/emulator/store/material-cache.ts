/**
 * Unsealed key versions of recently used keys, so that a run of crypto calls on one key opens
 * its sealed material once instead of on every call. Bounded (256 keys, least recently used
 * leave first; 16 versions a key, first cached leave first: a few MB at most), memory only, and cleared for a key by every write that changes it (see key-writes.ts):
 * rotate, status changes, rotation settings, purge.
 */
export function createMaterialCache(maxKeys = 256, maxVersionsPerKey = 16) {
  /** identity -> version -> material; Map order is use order (oldest first). */
  const keys = new Map<string, Map<number, Buffer>>();

  return {
    get(identity: string, version: number): Buffer | undefined {
      const versions = keys.get(identity);
      const material = versions?.get(version);
      if (versions && material) {
        keys.delete(identity);
        keys.set(identity, versions);
      }
      return material;
    },

    set(identity: string, version: number, material: Buffer): void {
      let versions = keys.get(identity);
      if (!versions) {
        if (keys.size >= maxKeys) {
          const oldest = keys.keys().next();
          if (!oldest.done) keys.delete(oldest.value);
        }
        versions = new Map();
        keys.set(identity, versions);
      }
      if (versions.size >= maxVersionsPerKey) {
        const oldest = versions.keys().next();
        if (!oldest.done) versions.delete(oldest.value);
      }
      versions.set(version, material);
    },

    /** Forgets every version of a key. */
    clear(identity: string): void {
      keys.delete(identity);
    },

    /** The versions of a key held now, ascending (diagnostics and tests). */
    versionsOf(identity: string): number[] {
      return [...(keys.get(identity)?.keys() ?? [])].sort((a, b) => a - b);
    },
  };
}

export type MaterialCache = ReturnType<typeof createMaterialCache>;
