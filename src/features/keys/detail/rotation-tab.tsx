import { zodResolver } from '@hookform/resolvers/zod';
import { CalendarClock, RotateCw } from 'lucide-react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { RotationPeriodField } from '@/components/ui/rotation-period-field';
import { Switch } from '@/components/ui/switch';
import { useToast } from '@/components/ui/toast';
import type { Key, UpdateRotationRequest } from '@/contract';
import { isApiError } from '@/lib/api-client';
import { rotationPeriodDays } from '@/lib/rotation-period';
import { formatDateTime, formatRelative, pluralize } from '@/lib/format';
import { useUpdateRotation } from '../api';
import { ActionButton, ReasonNote } from './action-button';
import { errorText } from './error-text';
import {
  isRotationLocked,
  nextRotationDate,
  rotateReason,
  rotationSettingsReason,
  statusLabel,
  usableVerb,
  usableVersions,
} from './key-rules';
import {
  rotationFormDefaults,
  rotationFormSchema,
  type RotationFormValues,
} from './rotation-form-schema';
import { useServerNow } from '@/lib/use-server-now';
import shared from './detail-shared.module.css';
import styles from './rotation-tab.module.css';

export function RotationTab({
  kmsKey,
  region,
  onRotateNow,
}: {
  kmsKey: Key;
  region: string;
  onRotateNow: () => void;
}) {
  const reason = rotateReason(kmsKey);
  return (
    <div className={styles.rotationGrid}>
      <Card title="Automatic rotation">
        <RotationForm kmsKey={kmsKey} region={region} />
      </Card>
      <Card title={isRotationLocked(kmsKey) ? 'This key never rotates' : 'Rotate now'}>
        <div className={shared.stack}>
          {isRotationLocked(kmsKey) ? null : (
            <>
              <p className={shared.muted}>
                Creates version {kmsKey.latestVersion + 1} and makes it the latest. Data and
                signatures made with earlier versions keep working: {usableVersions(kmsKey)} can
                still {usableVerb(kmsKey)}.
              </p>
              <div>
                <ActionButton reason={reason} onClick={onRotateNow}>
                  <RotateCw size={15} aria-hidden /> Rotate now…
                </ActionButton>
              </div>
            </>
          )}
          {reason ? <ReasonNote>{reason}</ReasonNote> : null}
        </div>
      </Card>
    </div>
  );
}

/** The rotation settings form (react-hook-form + the contract's rules); PATCH …/rotation. */
export function RotationForm({ kmsKey, region }: { kmsKey: Key; region: string }) {
  const toast = useToast();
  const update = useUpdateRotation(region);
  const disabledReason = rotationSettingsReason(kmsKey);
  const form = useForm<RotationFormValues, unknown, UpdateRotationRequest>({
    resolver: zodResolver(rotationFormSchema),
    defaultValues: rotationFormDefaults(kmsKey),
    mode: 'onChange',
  });
  const { control, register, handleSubmit, setValue, setError, reset, trigger, formState } = form;
  const enabled = useWatch({ control, name: 'keyRotationEnabled' });
  const periodText = useWatch({ control, name: 'rotationPeriodInDays' });
  const period = rotationPeriodDays(periodText);
  const next = nextRotationDate(kmsKey, { enabled, periodDays: period });
  const now = useServerNow(60_000);
  const isLocked = disabledReason !== null;

  const onSubmit = handleSubmit((body) =>
    update.mutateAsync({ id: kmsKey.identity, body }).then(
      (key) => {
        reset(rotationFormDefaults(key));
        toast({
          tone: 'success',
          title: key.keyRotationEnabled
            ? `Rotation on: every ${pluralize(key.rotationPeriodInDays ?? 0, 'day')}`
            : 'Automatic rotation is off',
        });
      },
      (error: unknown) => {
        // Keep the input; put the server's words where they belong.
        const message = errorText(error) ?? 'The rotation settings were not saved';
        if (isApiError(error, 400) && /period/i.test(error.message)) {
          setError('rotationPeriodInDays', { type: 'server', message: error.message });
        } else {
          setError('root.server', { type: 'server', message });
        }
      },
    ),
  );

  const periodError = formState.errors.rotationPeriodInDays?.message;
  return (
    <form
      // One save at a time: Enter or a script must not send a second PATCH while one is pending.
      onSubmit={(e) => (update.isPending ? e.preventDefault() : void onSubmit(e))}
      noValidate
      className={shared.stack}
    >
      {isLocked ? <ReasonNote>{disabledReason}</ReasonNote> : null}
      <p className={shared.muted}>
        Saved setting:{' '}
        <strong>
          {kmsKey.keyRotationEnabled
            ? `on, every ${pluralize(kmsKey.rotationPeriodInDays ?? 0, 'day')}`
            : kmsKey.rotationPeriodInDays !== undefined
              ? `off (period kept: ${pluralize(kmsKey.rotationPeriodInDays, 'day')})`
              : 'off'}
        </strong>
        .
      </p>
      {/* Held while saving: the answer resets the form, so an edit made meanwhile would be lost. */}
      <fieldset disabled={isLocked || update.isPending} className={styles.fieldset}>
        <legend className="visually-hidden">Rotation settings</legend>
        <div className={styles.switchRow}>
          <Controller
            control={control}
            name="keyRotationEnabled"
            render={({ field }) => (
              <Switch
                id="rotation-enabled"
                checked={field.value}
                onCheckedChange={(v) => {
                  field.onChange(v);
                  // A period error may no longer apply (rotation off), or apply again.
                  if (formState.errors.rotationPeriodInDays) void trigger('rotationPeriodInDays');
                }}
                onBlur={field.onBlur}
                disabled={isLocked}
                aria-describedby="rotation-enabled-hint"
              />
            )}
          />
          <div>
            <label htmlFor="rotation-enabled" className={styles.switchLabel}>
              Rotate automatically
            </label>
            <p id="rotation-enabled-hint" className={shared.muted}>
              A new version is created when the latest one is older than the period. Only active
              keys rotate. Turning it off keeps the period.
            </p>
          </div>
        </div>
        <RotationPeriodField
          registration={register('rotationPeriodInDays')}
          value={periodText}
          isEnabled={enabled}
          error={periodError}
          onPreset={(days) =>
            setValue('rotationPeriodInDays', String(days), {
              shouldDirty: true,
              shouldValidate: true,
            })
          }
        />
      </fieldset>
      <div className={styles.preview} aria-live="polite">
        <CalendarClock size={16} aria-hidden />
        {isRotationLocked(kmsKey) ? (
          <span>This key never rotates: no new version is ever created.</span>
        ) : kmsKey.status !== 'active' ? (
          <span>
            Rotation is paused while the key is {statusLabel(kmsKey.status)}: no new version is
            created until it is active again.
          </span>
        ) : next ? (
          <span>
            With these settings the next rotation (version {kmsKey.latestVersion + 1}) falls on{' '}
            <strong>
              <time dateTime={next.toISOString()}>{formatDateTime(next)}</time>
            </strong>{' '}
            ({next.getTime() <= now.getTime() ? 'due now: within the hour' : formatRelative(next)}).
          </span>
        ) : enabled ? (
          <span>Enter a valid period to see when the next rotation falls.</span>
        ) : (
          <span>With rotation off, no new version is created automatically.</span>
        )}
      </div>
      {formState.errors.root?.server ? (
        <p role="alert" className={shared.errorBox}>
          {formState.errors.root.server.message}
        </p>
      ) : null}
      <div className={styles.formFooter}>
        <Button
          variant="secondary"
          disabled={!formState.isDirty || update.isPending || isLocked}
          onClick={() => reset(rotationFormDefaults(kmsKey))}
        >
          Discard changes
        </Button>
        <Button
          type="submit"
          variant="primary"
          disabled={!formState.isDirty || update.isPending || isLocked}
          aria-busy={update.isPending}
        >
          {update.isPending ? 'Saving…' : 'Save rotation settings'}
        </Button>
      </div>
    </form>
  );
}
