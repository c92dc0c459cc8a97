import * as Radix from '@radix-ui/react-popover';
import type { ComponentPropsWithoutRef } from 'react';
import styles from './popover.module.css';

/**
 * The console's popover: Radix Popover with the shared floating-panel look (the same surface as
 * menus). For a panel of controls (a form, a set of choices); a list of actions is a Menu.
 */
export const Popover = Radix.Root;
export const PopoverTrigger = Radix.Trigger;

export function PopoverContent({
  className,
  sideOffset = 6,
  align = 'start',
  ...props
}: ComponentPropsWithoutRef<typeof Radix.Content>) {
  return (
    <Radix.Portal>
      <Radix.Content
        className={className ? `${styles.content} ${className}` : styles.content}
        sideOffset={sideOffset}
        align={align}
        {...props}
      />
    </Radix.Portal>
  );
}
