import { Loader2 } from 'lucide-react';
import { useId, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { InlineError } from '@/components/errors/error-panel';
import { Button } from '@/components/ui/button';
import styles from './crypto-ui.module.css';

/** A tool's form: fields, then the submit button with the reason it is disabled, if it is. */
export function ToolForm({
  label,
  submitLabel,
  pendingLabel,
  blockedReason,
  isPending,
  isDisabled,
  onSubmit,
  children,
  error,
  areFieldsEnabled = false,
}: {
  label: string;
  submitLabel: string;
  pendingLabel: string;
  /** Why the action cannot run yet; shown beside the disabled button. */
  blockedReason: string | null;
  isPending: boolean;
  /** The key cannot do crypto (not active): everything is disabled. */
  isDisabled: boolean;
  onSubmit: () => void;
  children: ReactNode;
  error?: unknown;
  /** Keep the fields usable on a non-active key (the inspector works offline). */
  areFieldsEnabled?: boolean;
}) {
  const reasonId = useId();
  const canRun = !isDisabled && blockedReason === null && !isPending;
  const handle = (e: FormEvent) => {
    e.preventDefault();
    if (canRun) onSubmit();
  };
  // Ctrl/Cmd+Enter runs the tool from a text area (Enter alone is a new line there).
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (canRun) onSubmit();
    }
  };
  return (
    <form
      className={styles.form}
      aria-label={`${label} form`}
      onSubmit={handle}
      onKeyDown={onKeyDown}
      noValidate
    >
      <fieldset className={styles.formFields} disabled={isDisabled && !areFieldsEnabled}>
        {children}
      </fieldset>
      <div className={styles.submitRow}>
        <Button
          type="submit"
          variant="primary"
          disabled={!canRun}
          aria-busy={isPending}
          aria-describedby={blockedReason && !isDisabled ? reasonId : undefined}
        >
          {isPending ? (
            <>
              <Loader2 size={14} aria-hidden className="spin" /> {pendingLabel}
            </>
          ) : (
            submitLabel
          )}
        </Button>
        {blockedReason && !isDisabled ? (
          <p id={reasonId} className={styles.reason}>
            {blockedReason}
          </p>
        ) : null}
      </div>
      {error !== undefined && error !== null ? (
        <div className={styles.errorBox}>
          <InlineError error={error} />
        </div>
      ) : null}
    </form>
  );
}

export function OptionsRow({ children }: { children: ReactNode }) {
  return <div className={styles.optionsRow}>{children}</div>;
}
