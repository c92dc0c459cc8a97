import * as RadixTooltip from '@radix-ui/react-tooltip';
import { useEffect, useRef, type ReactNode } from 'react';
import styles from './tooltip.module.css';

/**
 * The Radix half of the console's tooltip, loaded by tooltip.tsx on the first hover or focus of
 * a trigger. `isOpenAtStart`: the pointer rested on the trigger while this loaded; `isFocused`:
 * the trigger had focus, which it keeps (the element is new).
 */
export function LiveTooltip({
  content,
  children,
  delayDuration,
  isOpenAtStart,
  isFocused,
}: {
  content: ReactNode;
  children: ReactNode;
  delayDuration: number;
  isOpenAtStart: boolean;
  isFocused: boolean;
}) {
  const trigger = useRef<HTMLButtonElement>(null);
  const shouldFocus = useRef(isFocused);
  useEffect(() => {
    if (shouldFocus.current) trigger.current?.focus();
    shouldFocus.current = false;
  }, []);
  return (
    <RadixTooltip.Provider delayDuration={delayDuration}>
      <RadixTooltip.Root defaultOpen={isOpenAtStart || isFocused}>
        <RadixTooltip.Trigger asChild ref={trigger}>
          {children}
        </RadixTooltip.Trigger>
        <RadixTooltip.Portal>
          <RadixTooltip.Content className={styles.content} sideOffset={6}>
            {content}
            <RadixTooltip.Arrow className={styles.arrow} />
          </RadixTooltip.Content>
        </RadixTooltip.Portal>
      </RadixTooltip.Root>
    </RadixTooltip.Provider>
  );
}
