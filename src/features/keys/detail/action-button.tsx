import { useId, type ReactNode } from 'react';
import { Button, type ButtonProps } from '@/components/ui/button';
import { Tooltip } from '@/components/ui/tooltip';
import styles from './action-button.module.css';

/**
 * A button that, when the action is not possible, is disabled and says why: the reason is a
 * tooltip on a focusable wrapper (a disabled button cannot take focus or hover) and is also
 * the wrapper's description for screen readers.
 */
export function ActionButton({
  reason,
  children,
  ...rest
}: ButtonProps & { reason: string | null; children: ReactNode }) {
  const reasonId = useId();
  if (!reason) return <Button {...rest}>{children}</Button>;
  return (
    <Tooltip content={reason}>
      <span className={styles.disabledWrap} tabIndex={0} aria-describedby={reasonId}>
        <Button {...rest} disabled>
          {children}
        </Button>
        <span id={reasonId} className="visually-hidden">
          {reason}
        </span>
      </span>
    </Tooltip>
  );
}

/** A short inline note explaining why controls are disabled. */
export function ReasonNote({ children }: { children: ReactNode }) {
  return (
    <p className={styles.reasonNote} role="note">
      {children}
    </p>
  );
}
