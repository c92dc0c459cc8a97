import { beforeEach, describe, expect, it } from 'vitest';
import type { KeyService } from './key-service';
import { useServiceFixture } from './service-fixture';
import type { KeyRecord, Store } from '../store/store';

describe('the cache of key records behind findKey', () => {
  const fx = useServiceFixture('record-cache-test', 'cached record');
  let store: Store;
  let service: KeyService;
  let key: KeyRecord;
  const ctx = fx.ctx;
  beforeEach(() => {
    ({ store, service, key } = fx);
  });

  /** What the API sees (through the cache) against the row as stored now (no cache). */
  const found = () => store.findKey(ctx.scope, 'nl-01', key.identity);
  const stored = () => store.getKey(key.identity);

  it('answers every lookup with the key as stored after each change to it', async () => {
    expect(found()).toEqual(stored());
    expect(found()).toBe(found()); // cached: one record for a run of calls
    await service.rotate(found()!, ctx, 'kms.rotate');
    expect(found()?.latestVersion).toBe(2);
    expect(found()).toEqual(stored());
    service.changeStatus(found()!, 'disable', ctx);
    expect(found()?.status).toBe('disabled');
    service.changeStatus(found()!, 'enable', ctx);
    expect(found()?.status).toBe('active');
    await service.updateRotation(
      found()!,
      { keyRotationEnabled: true, rotationPeriodInDays: 30 },
      ctx,
    );
    expect(found()).toMatchObject({ rotationEnabled: true, rotationPeriodDays: 30 });
    service.changeStatus(found()!, 'delete', ctx);
    expect(found()?.deletionScheduledAt).toEqual(expect.any(String));
    expect(found()).toEqual(stored());
    service.changeStatus(found()!, 'cancel-deletion', ctx);
    expect(found()?.deletionScheduledAt).toBeNull();
    expect(found()).toEqual(stored());
    store.purgeKey(key.identity);
    expect(found()).toBeUndefined();
  });

  it('finds a cached key only in its own scope and region, and by slug too', () => {
    expect(found()).toBeDefined();
    expect(store.findKey(ctx.scope, 'nl-02', key.identity)).toBeUndefined();
    expect(store.findKey({ org: 'org-local', project: 'proj-web' }, 'nl-01', key.identity)).toBe(
      undefined,
    );
    expect(store.findKey({ org: 'org-nokms', project: '' }, 'nl-01', key.identity)).toBe(undefined);
    expect(store.findKey(ctx.scope, 'nl-01', key.slug)).toEqual(found());
  });

  it('hands out frozen records: a caller cannot change what the next caller gets', () => {
    const record = found()!;
    expect(() => {
      (record as { status: string }).status = 'disabled';
    }).toThrow(TypeError);
    expect(() => {
      (record.labels as Record<string, string>).env = 'changed';
    }).toThrow(TypeError);
    expect(found()?.status).toBe('active');
  });
});
