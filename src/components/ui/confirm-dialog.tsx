import { useState, type ReactNode } from 'react';
import { Button, type ButtonVariant } from './button';
import { Dialog } from './dialog';
import { isPhraseTyped, TypedConfirmation } from './typed-confirmation';
import styles from './confirm-dialog.module.css';

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  /** What will happen, in plain words. */
  children: ReactNode;
  confirmLabel: string;
  variant?: Extract<ButtonVariant, 'primary' | 'danger'>;
  /** When set, the user must type exactly this to enable the confirm button. */
  confirmationText?: string;
  /** Where the confirmation text comes from, in plain words. */
  confirmationHint?: string;
  /** When set, the user must tick this acknowledgement. */
  acknowledgement?: ReactNode;
  isPending?: boolean;
  /** Server error to show in place. */
  error?: string | null;
  onConfirm: () => void;
}

/** A confirmation for consequential actions: says what happens, optionally asks to type a name. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, onOpenChange } = props;
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={props.title}>
      {/* Remounted on every open so typed text and ticks never carry over. */}
      {open ? <ConfirmBody {...props} /> : null}
    </Dialog>
  );
}

function ConfirmBody({
  onOpenChange,
  children,
  confirmLabel,
  variant = 'primary',
  confirmationText,
  confirmationHint,
  acknowledgement,
  isPending = false,
  error,
  onConfirm,
}: ConfirmDialogProps) {
  const [typed, setTyped] = useState('');
  const [isAcknowledged, setIsAcknowledged] = useState(false);
  const isTypedOk = confirmationText === undefined || isPhraseTyped(confirmationText, typed);
  const isAckOk = acknowledgement === undefined || isAcknowledged;
  const canConfirm = isTypedOk && isAckOk && !isPending;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        // React events bubble through portals: never let this submit reach a form around the dialog.
        e.stopPropagation();
        if (canConfirm) onConfirm();
      }}
    >
      <div className={styles.body}>{children}</div>
      {acknowledgement !== undefined ? (
        <label className={styles.ack}>
          <input
            type="checkbox"
            checked={isAcknowledged}
            onChange={(e) => setIsAcknowledged(e.target.checked)}
          />
          <span>{acknowledgement}</span>
        </label>
      ) : null}
      {confirmationText !== undefined ? (
        <TypedConfirmation
          phrase={confirmationText}
          value={typed}
          onChange={setTyped}
          hint={confirmationHint}
        />
      ) : null}
      {error ? (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      ) : null}
      <div className={styles.footer}>
        <Button variant="secondary" onClick={() => onOpenChange(false)}>
          Cancel
        </Button>
        <Button type="submit" variant={variant} disabled={!canConfirm} aria-busy={isPending}>
          {isPending ? 'Working…' : confirmLabel}
        </Button>
      </div>
    </form>
  );
}
