import * as Radix from '@radix-ui/react-popover';
import type { ComponentPropsWithoutRef } from 'react';
import { cx } from './class-names';
import floating from './floating.module.css';
import styles from './popover.module.css';

/**
 * The console's popover: Radix Popover with the shared floating-panel look (the same surface as
 * menus). For a panel of controls (a form, a set of choices); a list of actions is a Menu.
 */
export const Popover = Radix.Root;
export const PopoverTrigger = Radix.Trigger;

/** The panel, in a portal; placed below the trigger, aligned to its start, unless told. */
export function PopoverContent({
  className,
  ...props
}: ComponentPropsWithoutRef<typeof Radix.Content>) {
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
