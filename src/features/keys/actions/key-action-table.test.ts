import { describe, expect, it } from 'vitest';
import { makeKey } from '@/test/make-key';
import { bulkConfirmation, KEY_ACTIONS, planBulk, rowActions } from './key-action-table';

describe('bulk plan', () => {
  const active = makeKey({ name: 'active-1' });
  const active2 = makeKey({ name: 'active-2' });
  const disabled = makeKey({ name: 'off', status: 'disabled' });
  const pending = makeKey({
    name: 'going',
    status: 'pending_deletion',
    deletionScheduledAt: '2026-12-30T00:00:00Z',
  });
  const locked = makeKey({ name: 'byok', imported: true, allowRotation: false });
  const keys = [active, disabled, pending, locked, active2];

  it('disable skips the disabled key and the pending one, each with its reason', () => {
    const plan = planBulk(KEY_ACTIONS.disable, keys);
    expect(plan.targets.map((k) => k.name)).toEqual(['active-1', 'byok', 'active-2']);
    expect(plan.skipped).toEqual([
      { reason: 'The key is already disabled.', keys: [disabled] },
      { reason: expect.stringMatching(/scheduled for deletion/), keys: [pending] },
    ]);
  });

  it('rotate skips keys imported without rotation, disabled and pending ones', () => {
    const plan = planBulk(KEY_ACTIONS.rotate, keys);
    expect(plan.targets).toEqual([active, active2]);
    const reasons = plan.skipped.map((s) => s.reason);
    expect(reasons).toHaveLength(3);
    expect(reasons[0]).toMatch(/disabled/);
    expect(reasons[1]).toMatch(/scheduled for deletion/);
    expect(reasons[2]).toMatch(/imported with rotation not allowed/);
  });

  it('keys sharing a reason are grouped under it', () => {
    const plan = planBulk(KEY_ACTIONS.enable, keys);
    expect(plan.targets).toEqual([disabled]);
    const already = plan.skipped.find((s) => /already active/.test(s.reason));
    expect(already?.keys).toEqual([active, locked, active2]);
  });

  it('cancel deletion applies only to pending keys; schedule deletion to all others', () => {
    expect(planBulk(KEY_ACTIONS['cancel-deletion'], keys).targets).toEqual([pending]);
    expect(planBulk(KEY_ACTIONS.delete, keys).targets).toEqual([active, disabled, locked, active2]);
  });

  it('only schedule deletion needs the typed count and region', () => {
    expect(bulkConfirmation(KEY_ACTIONS.delete, 12, 'nl-01')).toBe('delete 12 keys in nl-01');
    expect(bulkConfirmation(KEY_ACTIONS.delete, 1, 'nl-01')).toBe('delete 1 key in nl-01');
    const typed = Object.values(KEY_ACTIONS).filter((a) => a.isConfirmedByCount);
    expect(typed.map((a) => a.id)).toEqual(['delete']);
    expect(KEY_ACTIONS.delete.confirmOne('nl-01', active)).toBe(`nl-01/${active.slug}`);
  });
});

describe('row actions', () => {
  const ids = (key: Parameters<typeof rowActions>[0]) => rowActions(key).map((a) => a.id);
  it('offer the toggles that fit the status, as the key page does', () => {
    expect(ids(makeKey())).toEqual(['rotate', 'disable', 'delete']);
    expect(ids(makeKey({ status: 'disabled' }))).toEqual(['rotate', 'enable', 'delete']);
    expect(
      ids(makeKey({ status: 'pending_deletion', deletionScheduledAt: '2026-12-30T00:00:00Z' })),
    ).toEqual(['rotate', 'disable', 'cancel-deletion']);
    expect(ids(makeKey({ imported: true, allowRotation: false }))).toEqual(['disable', 'delete']);
  });
});
