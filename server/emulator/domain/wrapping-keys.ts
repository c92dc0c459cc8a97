import type { CreateKeyRequest, KeyType } from '../../../src/contract/index';
import type { Clock } from '../clock';
import {
  assertMaterialFits,
  generateWrappingKeyPair,
  unwrapImportedMaterial,
} from '../crypto/index';
import type { Store } from '../store/store';
import { invalid } from './errors';

export interface WrappingKeyPair {
  publicKeyPem: string;
  privateKeyPem: string;
}

export type WrappingKeys = ReturnType<typeof createWrappingKeys>;

/**
 * The regions' BYOK wrapping keys, and the unwrapping of imported material with them. A region's
 * key is generated (RSA-4096, slow) and stored on first use, once even when asked for by several
 * requests at the same time.
 */
export function createWrappingKeys(store: Store, clock: Clock) {
  const inFlight = new Map<string, Promise<WrappingKeyPair>>();

  const generate = (region: string): Promise<WrappingKeyPair> =>
    generateWrappingKeyPair()
      .then((pair) => {
        store.putWrappingKey(region, pair, clock.now().toISOString());
        const saved = store.getWrappingKey(region);
        if (!saved) throw new Error('wrapping key was not stored');
        return saved;
      })
      .finally(() => inFlight.delete(region));

  return {
    /** The region's wrapping key, generated and persisted on first use. */
    wrappingKey(region: string): Promise<WrappingKeyPair> {
      const stored = store.getWrappingKey(region);
      if (stored) return Promise.resolve(stored);
      let pending = inFlight.get(region);
      if (!pending) {
        pending = generate(region);
        inFlight.set(region, pending);
      }
      return pending;
    },

    /** The material of `importKeyMaterial` (base64), unwrapped and checked against the type. */
    unwrapImport(region: string, keyType: KeyType, req: CreateKeyRequest, wrapped: string): Buffer {
      const wrapping = store.getWrappingKey(region);
      if (!wrapping) {
        throw invalid(
          `importKeyMaterial: region ${region} has no wrapping key yet; fetch it from /v1/kms/${region}/wrapping-key and wrap the material with it`,
        );
      }
      const material = unwrapImportedMaterial(
        wrapping.privateKeyPem,
        Buffer.from(wrapped, 'base64'),
        req.hashFunction ?? 'sha256',
      );
      assertMaterialFits(keyType, material);
      return material;
    },
  };
}
