import { beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import type { KeyService } from './key-service';
import { useServiceFixture } from './service-fixture';
import type { KeyRecord, Store } from '../store/store';

const plaintext = Buffer.from('cache test').toString('base64');

describe('the cache of unsealed key versions', () => {
  const fx = useServiceFixture('cache-test', 'cached');
  let store: Store;
  let service: KeyService;
  let key: KeyRecord;
  const ctx = fx.ctx;
  beforeEach(() => {
    ({ store, service, key } = fx);
  });

  const current = () => store.getKey(key.identity) ?? key;
  const encrypt = () => service.crypto.encrypt(current(), { plaintext });

  it('holds a version once it was used, and is cleared by rotate; a new encrypt uses the new version', async () => {
    expect(store.cachedMaterialVersions(key.identity)).toEqual([]);
    expect(encrypt().keyVersion).toBe(1);
    expect(store.cachedMaterialVersions(key.identity)).toEqual([1]);
    await service.rotate(current(), ctx, 'kms.rotate');
    expect(store.cachedMaterialVersions(key.identity)).toEqual([]);
    const after = encrypt();
    expect(after.keyVersion).toBe(2);
    expect(after.response.ciphertext).toMatch(/^thalassa:v2:/);
    // The old version still decrypts what it made: the cache only ever holds the stored material.
    const old = service.crypto.encrypt(current(), { plaintext, keyVersion: '1' });
    expect(
      service.crypto.decrypt(current(), { ciphertext: old.response.ciphertext }).response.plaintext,
    ).toBe(plaintext);
  });

  it('is cleared by disable (and encrypt is then refused), enable and rotation settings', () => {
    encrypt();
    service.changeStatus(current(), 'disable', ctx);
    expect(store.cachedMaterialVersions(key.identity)).toEqual([]);
    expect(() => encrypt()).toThrow(DomainError);
    expect(store.cachedMaterialVersions(key.identity)).toEqual([]);
    service.changeStatus(current(), 'enable', ctx);
    encrypt();
    expect(store.cachedMaterialVersions(key.identity)).toEqual([1]);
    return service
      .updateRotation(current(), { keyRotationEnabled: true, rotationPeriodInDays: 30 }, ctx)
      .then(() => expect(store.cachedMaterialVersions(key.identity)).toEqual([]));
  });

  it('is cleared by scheduling deletion and by cancelling it', () => {
    encrypt();
    service.changeStatus(current(), 'delete', ctx);
    expect(store.cachedMaterialVersions(key.identity)).toEqual([]);
    expect(() => encrypt()).toThrow(/Only active keys can encrypt/);
    service.changeStatus(current(), 'cancel-deletion', ctx);
    expect(store.cachedMaterialVersions(key.identity)).toEqual([]);
    expect(encrypt().keyVersion).toBe(1);
    expect(store.cachedMaterialVersions(key.identity)).toEqual([1]);
  });

  it('forgets a purged key: its material is gone from the cache and the store', () => {
    encrypt();
    expect(store.openMaterial(key.identity, 1)).toBeInstanceOf(Buffer);
    store.purgeKey(key.identity);
    expect(store.cachedMaterialVersions(key.identity)).toEqual([]);
    expect(store.openMaterial(key.identity, 1)).toBeUndefined();
    expect(store.getKey(key.identity)).toBeUndefined();
  });
});
