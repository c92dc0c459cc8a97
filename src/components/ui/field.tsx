import {
  createContext,
  forwardRef,
  useContext,
  useId,
  type AriaAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { cx } from './class-names';
import styles from './field.module.css';

interface FieldWiring {
  id: string;
  describedBy: string | undefined;
  isInvalid: boolean;
}

const FieldContext = createContext<FieldWiring | null>(null);

export interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** The control's id (generated when absent): for a control focused from elsewhere. */
  id?: string;
  /** The control: a TextInput, TextArea or Select (or FieldValue) wires itself to the field. */
  children: ReactNode;
  className?: string;
}

/**
 * Label + control + hint + error, wired for screen readers: the control inside takes the id the
 * label points to, `aria-describedby` naming the hint and the error, and `aria-invalid` while
 * there is an error. Nothing to pass by hand.
 */
export function Field({ label, hint, error, id: givenId, children, className }: FieldProps) {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = cx(hintId, errorId);
  return (
    <div className={cx(styles.field, className)}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <FieldContext.Provider value={{ id, describedBy, isInvalid: Boolean(error) }}>
        {children}
      </FieldContext.Provider>
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

type Wired = Pick<AriaAttributes, 'aria-describedby' | 'aria-invalid'> & { id?: string };

/**
 * The props that tie a control to the Field around it (none outside a Field). The control's own
 * props win: its id, its `aria-invalid`; its `aria-describedby` is added to the field's.
 */
function useFieldWiring(own: Wired): Wired {
  const field = useContext(FieldContext);
  if (!field) return own;
  return {
    id: own.id ?? field.id,
    'aria-describedby': cx(field.describedBy, own['aria-describedby']),
    'aria-invalid': own['aria-invalid'] ?? (field.isInvalid ? true : undefined),
  };
}

function controlClass(className: string | undefined, isMono?: boolean): string | undefined {
  return cx(styles.control, isMono && styles.mono, className);
}

export const TextInput = forwardRef<
  HTMLInputElement,
  InputHTMLAttributes<HTMLInputElement> & { isMono?: boolean }
>(function TextInput({ className, isMono, ...rest }, ref) {
  const wiring = useFieldWiring(rest);
  return <input ref={ref} className={controlClass(className, isMono)} {...rest} {...wiring} />;
});

export const TextArea = forwardRef<
  HTMLTextAreaElement,
  TextareaHTMLAttributes<HTMLTextAreaElement> & { isMono?: boolean }
>(function TextArea({ className, isMono, ...rest }, ref) {
  const wiring = useFieldWiring(rest);
  return <textarea ref={ref} className={controlClass(className, isMono)} {...rest} {...wiring} />;
});

export const Select = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement>>(
  function Select({ className, ...rest }, ref) {
    const wiring = useFieldWiring(rest);
    return <select ref={ref} className={controlClass(className)} {...rest} {...wiring} />;
  },
);

/** A value shown in a Field where there is nothing to choose (it takes the field's id). */
export function FieldValue({ className, children }: { className?: string; children: ReactNode }) {
  const wiring = useFieldWiring({});
  return (
    <p id={wiring.id} className={className}>
      {children}
    </p>
  );
}
