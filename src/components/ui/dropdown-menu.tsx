import * as Radix from '@radix-ui/react-dropdown-menu';
import { Check } from 'lucide-react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { cx } from './class-names';
import floating from './floating.module.css';
import menu from './menu.module.css';

/**
 * The console's dropdown menu: Radix DropdownMenu with the shared look. Features compose these
 * parts instead of styling Radix themselves.
 */
export const Menu = Radix.Root;
export const MenuTrigger = Radix.Trigger;
export const MenuGroup = Radix.Group;
export const MenuRadioGroup = Radix.RadioGroup;

export function MenuContent({
  className,
  sideOffset = 6,
  align = 'start',
  ...props
}: ComponentPropsWithoutRef<typeof Radix.Content>) {
  return (
    <Radix.Portal>
      <Radix.Content
        className={cx(floating.surface, menu.content, className)}
        sideOffset={sideOffset}
        align={align}
        {...props}
      />
    </Radix.Portal>
  );
}

export function MenuLabel({ className, ...props }: ComponentPropsWithoutRef<typeof Radix.Label>) {
  return <Radix.Label className={cx(menu.label, className)} {...props} />;
}

export function MenuSeparator() {
  return <Radix.Separator className={menu.separator} />;
}

/** An item: an optional icon, its text, and an optional hint at the end (a shortcut, a count). */
export function MenuItem({
  icon,
  hint,
  children,
  className,
  ...props
}: ComponentPropsWithoutRef<typeof Radix.Item> & { icon?: ReactNode; hint?: ReactNode }) {
  return (
    <Radix.Item className={cx(menu.item, className)} {...props}>
      {icon}
      <span className={menu.itemText}>{children}</span>
      {hint !== undefined ? <span className={menu.itemHint}>{hint}</span> : null}
    </Radix.Item>
  );
}

/** A radio item with a check mark on the chosen one. */
export function MenuRadioItem({
  icon,
  hint,
  children,
  ...props
}: ComponentPropsWithoutRef<typeof Radix.RadioItem> & { icon?: ReactNode; hint?: ReactNode }) {
  return (
    <Radix.RadioItem className={menu.item} {...props}>
      {icon}
      <span className={menu.itemText}>{children}</span>
      {hint !== undefined ? <span className={menu.itemHint}>{hint}</span> : null}
      <Radix.ItemIndicator>
        <Check size={14} aria-hidden />
      </Radix.ItemIndicator>
    </Radix.RadioItem>
  );
}

/**
 * A checkbox item: `icon` is where the caller draws the box (Radix gives the item
 * `data-state="checked"`); `preventDefault` onSelect keeps the menu open while ticking.
 */
export function MenuCheckboxItem({
  icon,
  hint,
  children,
  ...props
}: ComponentPropsWithoutRef<typeof Radix.CheckboxItem> & { icon?: ReactNode; hint?: ReactNode }) {
  return (
    <Radix.CheckboxItem className={menu.item} {...props}>
      {icon}
      <span className={menu.itemText}>{children}</span>
      {hint !== undefined ? <span className={menu.itemHint}>{hint}</span> : null}
    </Radix.CheckboxItem>
  );
}
