import type { UseFormRegisterReturn } from 'react-hook-form';
import { MAX_ROTATION_DAYS, MIN_ROTATION_DAYS } from '@/contract';
import { ROTATION_PRESETS, rotationPeriodDays } from '@/lib/rotation-period';
import { Button } from './button';
import { Field, TextInput } from './field';
import styles from './rotation-period-field.module.css';

/**
 * The rotation period field of the wizard and the Rotation tab: a text input (never
 * type="number", which would let the browser read `1e2` or drop letters), the presets, and the
 * one hint. Parse with `@/lib/rotation-period`.
 */
export function RotationPeriodField({
  registration,
  value,
  isEnabled,
  error,
  onPreset,
}: {
  /** `register('rotationPeriodInDays')` of the form it belongs to. */
  registration: UseFormRegisterReturn;
  value: string;
  isEnabled: boolean;
  error: string | undefined;
  onPreset: (days: number) => void;
}) {
  const days = rotationPeriodDays(value);
  return (
    <Field
      label="Rotation period (days)"
      error={error}
      hint={
        isEnabled
          ? `A whole number from ${MIN_ROTATION_DAYS} to ${MAX_ROTATION_DAYS}. Required while rotation is on.`
          : 'Kept for when rotation is turned on.'
      }
    >
      <div className={styles.row}>
        <TextInput
          inputMode="numeric"
          autoComplete="off"
          className={styles.input}
          {...registration}
        />
        <div className={styles.presets} role="group" aria-label="Common periods">
          {ROTATION_PRESETS.map((p) => (
            <Button
              key={p}
              size="small"
              variant={days === p ? 'primary' : 'secondary'}
              aria-pressed={days === p}
              onClick={() => onPreset(p)}
            >
              {p} days
            </Button>
          ))}
        </div>
      </div>
    </Field>
  );
}
