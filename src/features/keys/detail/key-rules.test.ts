import { describe, expect, it } from 'vitest';
import {
  deleteReason,
  keyConfirmation,
  disableReason,
  enableReason,
  exportReason,
  nextRotationDate,
  publicKeyReason,
  purgeDate,
  rotateReason,
  rotationSettingsReason,
  statusLabel,
  statusTitle,
  upcomingRotation,
  usableVersions,
  versionState,
} from './key-rules';
import { ordersKey } from './test-utils';

describe('key rules', () => {
  it('says why each action is unavailable for each status', () => {
    const active = ordersKey();
    const disabled = ordersKey({ status: 'disabled' });
    const pending = ordersKey({
      status: 'pending_deletion',
      deletionScheduledAt: '2026-04-01T00:00:00Z',
    });
    expect([rotateReason(active), disableReason(active), deleteReason(active)]).toEqual([
      null,
      null,
      null,
    ]);
    expect(enableReason(active)).toMatch(/already active/);
    expect(rotateReason(disabled)).toMatch(/enable it before rotating/);
    expect(enableReason(disabled)).toBeNull();
    expect(deleteReason(disabled)).toBeNull();
    expect(rotateReason(pending)).toMatch(/cancel the deletion/);
    expect(deleteReason(pending)).toMatch(/already scheduled/);
    expect(enableReason(pending)).toMatch(/cancel the deletion/);
  });

  it('locks rotation of imported keys without allowRotation, whatever the status', () => {
    expect(rotateReason(ordersKey({ imported: true }))).toMatch(/never rotate/);
    // Plain words: no API field names in what a person reads.
    expect(rotateReason(ordersKey({ imported: true }))).not.toMatch(/allowRotation/);
    expect(rotationSettingsReason(ordersKey({ imported: true }))).not.toMatch(/allowRotation/);
    expect(rotateReason(ordersKey({ imported: true, allowRotation: true }))).toBeNull();
  });

  it('allows export only when exportAllowed and active', () => {
    expect(exportReason(ordersKey())).toMatch(/can never be changed/);
    expect(exportReason(ordersKey({ exportAllowed: true }))).toBeNull();
    expect(exportReason(ordersKey({ exportAllowed: true, status: 'disabled' }))).toMatch(
      /Only active/,
    );
  });

  it('offers a public key only for asymmetric types', () => {
    expect(publicKeyReason(ordersKey({ keyType: 'ecdsa-p256' }))).toBeNull();
    expect(publicKeyReason(ordersKey({ keyType: 'ed25519' }))).toBeNull();
    expect(publicKeyReason(ordersKey({ keyType: 'hmac-sha256' }))).toMatch(/no public key/);
  });

  it('places the next rotation at the latest version plus the period', () => {
    const key = ordersKey();
    expect(nextRotationDate(key, { enabled: true, periodDays: 30 })?.toISOString()).toBe(
      '2026-03-31T00:00:00.000Z',
    );
    expect(nextRotationDate(key, { enabled: false, periodDays: 30 })).toBeNull();
    expect(nextRotationDate(key, { enabled: true, periodDays: undefined })).toBeNull();
  });

  it('shows an upcoming rotation only for an active key with rotation on', () => {
    const on = { keyRotationEnabled: true, rotationPeriodInDays: 30 };
    expect(upcomingRotation(ordersKey(on))?.toISOString()).toBe('2026-03-31T00:00:00.000Z');
    expect(upcomingRotation(ordersKey({ ...on, status: 'disabled' }))).toBeNull();
    expect(upcomingRotation(ordersKey({ ...on, keyRotationEnabled: false }))).toBeNull();
  });

  it('classifies versions against latestVersion and minDecryptionVersion', () => {
    const key = { latestVersion: 5, minDecryptionVersion: 3 };
    expect([1, 2, 3, 4, 5].map((v) => versionState(key, v))).toEqual([
      'retired',
      'retired',
      'usable',
      'usable',
      'latest',
    ]);
  });

  it('reads deletionScheduledAt as the purge time, or as the scheduling time when in the past', () => {
    const now = new Date('2026-03-10T00:00:00Z');
    const future = ordersKey({
      status: 'pending_deletion',
      deletionScheduledAt: '2026-04-01T00:00:00Z',
    });
    expect(purgeDate(future, now)?.toISOString()).toBe('2026-04-01T00:00:00.000Z');
    const past = ordersKey({
      status: 'pending_deletion',
      deletionScheduledAt: '2026-03-05T00:00:00Z',
    });
    expect(purgeDate(past, now)?.toISOString()).toBe('2026-04-04T00:00:00.000Z');
    expect(purgeDate(ordersKey(), now)).toBeNull();
  });

  it('names one usable version as "version N", never "versions N to N"', () => {
    expect(usableVersions(ordersKey({ minDecryptionVersion: 1, latestVersion: 1 }))).toBe(
      'version 1',
    );
    expect(usableVersions(ordersKey({ minDecryptionVersion: 1, latestVersion: 3 }))).toBe(
      'versions 1 to 3',
    );
  });

  it('capitalises a status on its own (as the list does), not inside a sentence', () => {
    expect(statusTitle('pending_deletion')).toBe('Pending deletion');
    expect(statusTitle('active')).toBe('Active');
    expect(statusLabel('pending_deletion')).toBe('pending deletion');
  });

  it('confirms deletion and export with region/slug', () => {
    expect(keyConfirmation('nl-01', ordersKey())).toBe('nl-01/orders-key');
  });
});
