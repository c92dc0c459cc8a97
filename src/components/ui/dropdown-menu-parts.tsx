import * as Radix from '@radix-ui/react-dropdown-menu';
import { Check } from 'lucide-react';
import { useContext, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { cx } from './class-names';
import floating from './floating.module.css';
import { FirstOpenContext, focusFirstItem } from './first-open';
import menu from './menu.module.css';

/**
 * The Radix half of the console's dropdown menu, loaded on first use by dropdown-menu.tsx (which
 * features import): Radix DropdownMenu with the shared look.
 */
export const Root = Radix.Root;
export const Trigger = Radix.Trigger;
export const Group = Radix.Group;
export const RadioGroup = Radix.RadioGroup;

export function Content({
  className,
  sideOffset = 6,
  align = 'start',
  onFocus,
  ...props
}: ComponentPropsWithoutRef<typeof Radix.Content>) {
  const firstOpen = useContext(FirstOpenContext);
  return (
    <Radix.Portal>
      <Radix.Content
        className={cx(floating.surface, menu.content, className)}
        sideOffset={sideOffset}
        align={align}
        onFocus={(event) => {
          onFocus?.(event);
          // Opened from the keyboard before this code had loaded: Radix missed that key press
          // and focused the panel, so focus the first item as it does for a keyboard opening.
          if (event.target === event.currentTarget && firstOpen?.take() === 'keyboard') {
            focusFirstItem(event.currentTarget);
          }
        }}
        {...props}
      />
    </Radix.Portal>
  );
}

export function Label({ className, ...props }: ComponentPropsWithoutRef<typeof Radix.Label>) {
  return <Radix.Label className={cx(menu.label, className)} {...props} />;
}

export function Separator() {
  return <Radix.Separator className={menu.separator} />;
}

type Decorated<P> = P & { icon?: ReactNode; hint?: ReactNode };

export function Item({
  icon,
  hint,
  children,
  className,
  ...props
}: Decorated<ComponentPropsWithoutRef<typeof Radix.Item>>) {
  return (
    <Radix.Item className={cx(menu.item, className)} {...props}>
      {icon}
      <span className={menu.itemText}>{children}</span>
      {hint !== undefined ? <span className={menu.itemHint}>{hint}</span> : null}
    </Radix.Item>
  );
}

export function RadioItem({
  icon,
  hint,
  children,
  ...props
}: Decorated<ComponentPropsWithoutRef<typeof Radix.RadioItem>>) {
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

export function CheckboxItem({
  icon,
  hint,
  children,
  ...props
}: Decorated<ComponentPropsWithoutRef<typeof Radix.CheckboxItem>>) {
  return (
    <Radix.CheckboxItem className={menu.item} {...props}>
      {icon}
      <span className={menu.itemText}>{children}</span>
      {hint !== undefined ? <span className={menu.itemHint}>{hint}</span> : null}
    </Radix.CheckboxItem>
  );
}
