import type { Key } from '../../../src/contract/index';
import type { Clock } from '../clock';
import type { EmulatorConfig } from '../config';
import type { KeyRecord, Store } from '../store/store';
import { toApiKey } from './api-key';
import { createCryptoOps } from './crypto-ops';
import { createKeyChanges, schedulerContext } from './key-changes';
import { createKeyCreator } from './key-create';
import { createWrappingKeys } from './wrapping-keys';

export type KeyService = ReturnType<typeof createKeyService>;

/**
 * The key operations of the emulator over the store: create (generated or imported), rotate,
 * status changes, rotation settings, the regions' wrapping keys and the crypto operations.
 * Every change is written with its audit record in one transaction. Refusals are DomainErrors.
 */
export function createKeyService(deps: { store: Store; clock: Clock; config: EmulatorConfig }) {
  const { store, clock, config } = deps;
  const wrapping = createWrappingKeys(store, clock);

  return {
    wrappingKey: wrapping.wrappingKey,
    createKey: createKeyCreator({ store, clock, wrapping }),
    ...createKeyChanges(store, clock),
    schedulerContext,
    crypto: createCryptoOps((key, version) => store.openMaterial(key.identity, version)),
    toApiKey: (key: KeyRecord, versions: Parameters<typeof toApiKey>[2]) =>
      toApiKey(config, key, versions),
    apiKey(key: KeyRecord): Key {
      return toApiKey(config, key, store.versionsOf(key.identity));
    },
  };
}
