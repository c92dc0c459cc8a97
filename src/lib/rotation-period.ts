import { rotationPeriodSchema } from '@/contract';

/**
 * The one rotation-period rule of the console (the wizard and the key's Rotation tab): the text
 * typed is a plain whole number of days (`90`; never `1e2`, `90.0`, `+90` or letters), within
 * the contract's bounds, and required only while rotation is on.
 */

/** Presets offered next to the period field (days). */
export const ROTATION_PRESETS = [30, 90, 180, 365] as const;

export const PERIOD_REQUIRED_MESSAGE = 'Rotation period is required while rotation is on';

const WHOLE_NUMBER = /^\d{1,9}$/;

export type PeriodParse = { ok: true; days: number } | { ok: false; message: string };

/** Parses typed text with the contract's rotationPeriodSchema; anything else is not a number. */
export function parseRotationPeriod(text: string): PeriodParse {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: PERIOD_REQUIRED_MESSAGE };
  const parsed = rotationPeriodSchema.safeParse(
    WHOLE_NUMBER.test(trimmed) ? Number(trimmed) : Number.NaN,
  );
  if (parsed.success) return { ok: true, days: parsed.data };
  return { ok: false, message: parsed.error.issues[0]?.message ?? 'Invalid rotation period' };
}

/** The period when the text is one, else undefined (previews, pressed presets). */
export function rotationPeriodDays(text: string): number | undefined {
  const parsed = parseRotationPeriod(text);
  return parsed.ok ? parsed.days : undefined;
}

/**
 * What blocks saving: only while rotation is on. With rotation off a period no longer applies,
 * so it never blocks turning rotation off (an unreadable one is simply not sent).
 */
export function rotationPeriodError(text: string, isEnabled: boolean): string | null {
  if (!isEnabled) return null;
  const parsed = parseRotationPeriod(text);
  return parsed.ok ? null : parsed.message;
}
