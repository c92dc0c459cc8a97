import * as RadixDialog from '@radix-ui/react-dialog';
import { X } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button } from './button';
import { cx } from './class-names';
import dialogStyles from './dialog.module.css';
import styles from './sheet.module.css';
import { useFocusReturn } from './use-focus-return';

export interface SheetProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The button that opens it. */
  trigger: ReactNode;
  /** Its accessible name: a heading with a close button, or for screen readers only (`isTitleHidden`). */
  title: string;
  isTitleHidden?: boolean;
  closeLabel?: string;
  /** `side`: full height from the right edge (the phone menu). `top`: a wide panel near the top (the palette). */
  placement: 'side' | 'top';
  children: ReactNode;
}

/**
 * A modal panel laid out for navigation or search rather than a form: the Dialog's behaviour
 * (Radix: focus trapped, Escape closes) and its focus return — to what had focus when it opened
 * (it may open by a shortcut), else to the trigger.
 */
export function LiveSheet({
  open,
  onOpenChange,
  trigger,
  title,
  isTitleHidden,
  closeLabel = 'Close',
  placement,
  children,
}: SheetProps) {
  const returnFocus = useFocusReturn(open);
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className={dialogStyles.overlay} />
        <RadixDialog.Content
          className={cx(styles.sheet, styles[placement])}
          aria-describedby={undefined}
          onCloseAutoFocus={returnFocus}
        >
          {isTitleHidden ? (
            <RadixDialog.Title className="visually-hidden">{title}</RadixDialog.Title>
          ) : (
            <div className={styles.head}>
              <RadixDialog.Title className={styles.title}>{title}</RadixDialog.Title>
              <RadixDialog.Close asChild>
                <Button variant="ghost" isIconOnly aria-label={closeLabel}>
                  <X size={18} aria-hidden />
                </Button>
              </RadixDialog.Close>
            </div>
          )}
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
