import * as Radix from '@radix-ui/react-radio-group';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { cx } from './class-names';
import styles from './radio-group.module.css';

type RootProps = ComponentPropsWithoutRef<typeof Radix.Root>;

/**
 * A single choice (Radix RadioGroup: arrow keys move between options, one tab stop). `isInline`
 * lays short options out in a wrapping row; without it the caller lays the items out (cards).
 */
export function RadioGroup({
  isInline = false,
  className,
  ...props
}: RootProps & { isInline?: boolean }) {
  return <Radix.Root className={cx(isInline && styles.inline, className)} {...props} />;
}

/** An item the caller draws whole (a card, a segment); checked state is `[data-state='checked']`. */
export const RadioGroupItem = Radix.Item;

/** A round radio button with its label beside it. */
export function RadioOption({
  value,
  disabled,
  children,
}: {
  value: string;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <label className={styles.option}>
      <Radix.Item value={value} disabled={disabled} className={styles.radio}>
        <Radix.Indicator className={styles.dot} />
      </Radix.Item>
      {children}
    </label>
  );
}
