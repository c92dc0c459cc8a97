import * as Radix from '@radix-ui/react-popover';
import type { ComponentPropsWithoutRef } from 'react';
import { cx } from './class-names';
import floating from './floating.module.css';
import styles from './popover.module.css';

/**
 * The Radix half of the console's popover, loaded on first use by popover.tsx (which features
 * import): Radix Popover with the shared floating-panel look.
 */
export const Root = Radix.Root;
export const Trigger = Radix.Trigger;

export function Content({ className, ...props }: ComponentPropsWithoutRef<typeof Radix.Content>) {
  return (
    <Radix.Portal>
      <Radix.Content
        sideOffset={6}
        align="start"
        {...props}
        className={cx(floating.surface, styles.content, className)}
      />
    </Radix.Portal>
  );
}
