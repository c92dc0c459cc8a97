import { rmSync } from 'node:fs';
import { afterEach, beforeEach } from 'vitest';
import { apiActor, type AuditContext } from '../audit';
import { createManualClock } from '../clock';
import { loadConfig } from '../config';
import { START, tempDataDir } from '../test-support';
import { openStore, type KeyRecord, type Store } from '../store/store';
import { createKeyService, type KeyService } from './key-service';

export interface ServiceFixture {
  ctx: AuditContext;
  store: Store;
  service: KeyService;
  /** One AES key in nl-01, organisation scope, created before each test. */
  key: KeyRecord;
}

/**
 * Tests of the domain over a real store: a fresh data folder, store and key service with one key
 * before each test of the calling `describe`, removed after it. Read the fields inside tests.
 */
export function useServiceFixture(actor: string, keyName: string): ServiceFixture {
  const ctx: AuditContext = {
    scope: { org: 'org-local', project: '' },
    region: 'nl-01',
    actor: apiActor(actor),
  };
  const fx = { ctx } as ServiceFixture;
  let dataDir = '';
  beforeEach(async () => {
    dataDir = tempDataDir();
    fx.store = openStore(dataDir);
    fx.service = createKeyService({
      store: fx.store,
      clock: createManualClock(START),
      config: loadConfig(undefined),
    });
    fx.key = await fx.service.createKey(ctx, { name: keyName });
  });
  afterEach(() => {
    fx.store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return fx;
}
