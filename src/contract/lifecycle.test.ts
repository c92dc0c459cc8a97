import { describe, expect, it } from 'vitest';
import {
  canTransition,
  canUseKey,
  DELETION_WINDOW_DAYS,
  isRotationLocked,
  isVersionUsable,
  purgeDateFrom,
  statusAfter,
} from './lifecycle';
import type { LifecycleAction } from './lifecycle';
import { KEY_STATUSES } from './objects';
import type { KeyStatus } from './objects';

describe('the key lifecycle', () => {
  it('allows exactly the transitions of the state diagram', () => {
    const allowed: Record<LifecycleAction, KeyStatus[]> = {
      disable: ['active'],
      enable: ['disabled'],
      delete: ['active', 'disabled'],
      'cancel-deletion': ['pending_deletion'],
      rotate: ['active'],
    };
    for (const [action, from] of Object.entries(allowed) as [LifecycleAction, KeyStatus[]][]) {
      for (const status of KEY_STATUSES) {
        expect(canTransition(status, action), `${action} from ${status}`).toBe(
          from.includes(status),
        );
      }
    }
    expect(statusAfter('disable')).toBe('disabled');
    expect(statusAfter('enable')).toBe('active');
    expect(statusAfter('delete')).toBe('pending_deletion');
    expect(statusAfter('cancel-deletion')).toBe('active');
  });

  it('lets only active keys do crypto and export', () => {
    expect(KEY_STATUSES.filter(canUseKey)).toEqual(['active']);
  });

  it('purges 30 days after deletion was scheduled', () => {
    expect(DELETION_WINDOW_DAYS).toBe(30);
    expect(purgeDateFrom(new Date('2026-01-01T10:00:00Z')).toISOString()).toBe(
      '2026-01-31T10:00:00.000Z',
    );
  });

  it('locks rotation of imported keys without allowRotation only', () => {
    expect(isRotationLocked({ imported: false })).toBe(false);
    expect(isRotationLocked({ imported: true })).toBe(true);
    expect(isRotationLocked({ imported: true, allowRotation: false })).toBe(true);
    expect(isRotationLocked({ imported: true, allowRotation: true })).toBe(false);
  });

  it('retires versions below minDecryptionVersion', () => {
    expect(isVersionUsable({ minDecryptionVersion: 3 }, 2)).toBe(false);
    expect(isVersionUsable({ minDecryptionVersion: 3 }, 3)).toBe(true);
  });
});
