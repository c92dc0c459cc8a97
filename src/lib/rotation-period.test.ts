import { describe, expect, it } from 'vitest';
import {
  parseRotationPeriod,
  PERIOD_REQUIRED_MESSAGE,
  rotationPeriodDays,
  rotationPeriodError,
} from './rotation-period';

const NOT_WHOLE = 'Rotation period must be a whole number of days';

describe('the rotation period rule', () => {
  it('reads plain whole numbers within the contract bounds', () => {
    expect(parseRotationPeriod(' 90 ')).toEqual({ ok: true, days: 90 });
    expect(rotationPeriodDays('1')).toBe(1);
    expect(rotationPeriodDays('3650')).toBe(3650);
    expect(rotationPeriodError('0', true)).toBe('Rotation period must be at least 1 day');
    expect(rotationPeriodError('3651', true)).toBe('Rotation period must be at most 3650 days');
  });

  it.each(['1e2', '90.0', '1.5', '+90', '0x5a', 'ninety', '9O', '99999999999999999999'])(
    'refuses %s with the one message',
    (text) => {
      expect(rotationPeriodDays(text)).toBeUndefined();
      expect(rotationPeriodError(text, true)).toBe(NOT_WHOLE);
    },
  );

  it('requires a period only while rotation is on; off, nothing blocks', () => {
    expect(rotationPeriodError('', true)).toBe(PERIOD_REQUIRED_MESSAGE);
    expect(rotationPeriodError('', false)).toBeNull();
    expect(rotationPeriodError('abc', false)).toBeNull();
    expect(rotationPeriodError('0', false)).toBeNull();
  });
});
