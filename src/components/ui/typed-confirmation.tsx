import { Field, TextInput } from './field';
import styles from './confirm-dialog.module.css';

/**
 * The typed confirmation field: shows the exact phrase to type and reports what was typed.
 * Used by every dialog that guards an irreversible action or hands out key material.
 */
export function TypedConfirmation({
  phrase,
  value,
  onChange,
  hint,
}: {
  phrase: string;
  value: string;
  onChange: (value: string) => void;
  /** Where the phrase comes from, in plain words. */
  hint?: string | undefined;
}) {
  return (
    <Field
      label={
        <span>
          Type <code className={styles.code}>{phrase}</code> to confirm
        </span>
      }
      hint={hint}
    >
      <TextInput
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        isMono
      />
    </Field>
  );
}

/** Whether the typed text matches the phrase exactly (no trimming: the phrase is shown as is). */
export function isPhraseTyped(phrase: string, typed: string): boolean {
  return phrase !== '' && typed === phrase;
}
