import * as RadixTabs from '@radix-ui/react-tabs';
import type { ReactNode } from 'react';
import styles from './tabs.module.css';

export interface TabItem {
  value: string;
  label: ReactNode;
  isDisabled?: boolean;
}

/** Tab list (Radix). Controlled: the URL is the source of truth, so pass value/onValueChange. */
export function Tabs({
  value,
  onValueChange,
  items,
  label,
  children,
}: {
  value: string;
  onValueChange: (value: string) => void;
  items: TabItem[];
  label: string;
  children: ReactNode;
}) {
  return (
    <RadixTabs.Root value={value} onValueChange={onValueChange} activationMode="manual">
      <RadixTabs.List className={styles.list} aria-label={label}>
        {items.map((item) => (
          <RadixTabs.Trigger
            key={item.value}
            value={item.value}
            className={styles.trigger}
            disabled={item.isDisabled}
          >
            {item.label}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      <RadixTabs.Content value={value} className={styles.content}>
        {children}
      </RadixTabs.Content>
    </RadixTabs.Root>
  );
}
