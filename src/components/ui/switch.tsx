import * as Radix from '@radix-ui/react-switch';
import type { ComponentPropsWithoutRef } from 'react';
import { cx } from './class-names';
import styles from './switch.module.css';

/**
 * An on/off switch (Radix Switch, role "switch"). Label it with a `<label htmlFor>` or
 * `aria-label`; `tone="danger"` for a switch whose "on" is the risky side.
 */
export function Switch({
  tone = 'accent',
  className,
  ...props
}: Omit<ComponentPropsWithoutRef<typeof Radix.Root>, 'children'> & { tone?: 'accent' | 'danger' }) {
  return (
    <Radix.Root
      className={cx(styles.switch, tone === 'danger' && styles.danger, className)}
      {...props}
    >
      <Radix.Thumb className={styles.thumb} />
    </Radix.Root>
  );
}
