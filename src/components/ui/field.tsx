import {
  forwardRef,
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import styles from './field.module.css';

export interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** Render prop gets the ids to wire the control to the label, hint and error. */
  children: (ids: { id: string; describedBy: string | undefined; isInvalid: boolean }) => ReactNode;
  className?: string;
}

/** Label + control + hint + error, wired for screen readers. */
export function Field({ label, hint, error, children, className }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`${styles.field} ${className ?? ''}`}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      {children({ id, describedBy, isInvalid: Boolean(error) })}
      {hint ? (
        <span id={hintId} className={styles.hint}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} className={styles.error} role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}

export const TextInput = forwardRef<
  HTMLInputElement,
  InputHTMLAttributes<HTMLInputElement> & { isMono?: boolean }
>(function TextInput({ className, isMono, ...rest }, ref) {
  return (
    <input
      ref={ref}
      className={`${styles.control} ${isMono ? styles.mono : ''} ${className ?? ''}`}
      {...rest}
    />
  );
});

export const TextArea = forwardRef<
  HTMLTextAreaElement,
  TextareaHTMLAttributes<HTMLTextAreaElement> & { isMono?: boolean }
>(function TextArea({ className, isMono, ...rest }, ref) {
  return (
    <textarea
      ref={ref}
      className={`${styles.control} ${isMono ? styles.mono : ''} ${className ?? ''}`}
      {...rest}
    />
  );
});

export const Select = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement>>(
  function Select({ className, ...rest }, ref) {
    return <select ref={ref} className={`${styles.control} ${className ?? ''}`} {...rest} />;
  },
);

export const fieldStyles = styles;
