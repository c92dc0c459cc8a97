import * as RadixToast from '@radix-ui/react-toast';
import { X } from 'lucide-react';
import styles from './toast.module.css';

export interface ToastInput {
  title: string;
  description?: string;
  tone?: 'success' | 'danger' | 'info';
}
export interface ToastItem extends ToastInput {
  id: number;
}

/**
 * The Radix half of the console's toasts, loaded with the first toast by toast.tsx: the toasts
 * shown and the viewport (a "Notifications (F8)" region) that holds them.
 */
export function ToastHost({
  items,
  onClosed,
}: {
  items: readonly ToastItem[];
  onClosed: (id: number) => void;
}) {
  return (
    <RadixToast.Provider swipeDirection="right" duration={5000}>
      {items.map((t) => (
        <RadixToast.Root
          key={t.id}
          className={`${styles.toast} ${styles[t.tone ?? 'info']}`}
          onOpenChange={(open) => {
            if (!open) onClosed(t.id);
          }}
        >
          <RadixToast.Title className={styles.title}>{t.title}</RadixToast.Title>
          {t.description ? (
            <RadixToast.Description className={styles.description}>
              {t.description}
            </RadixToast.Description>
          ) : null}
          <RadixToast.Close className={styles.close} aria-label="Dismiss notification">
            <X size={16} aria-hidden />
          </RadixToast.Close>
        </RadixToast.Root>
      ))}
      <RadixToast.Viewport className={styles.viewport} />
    </RadixToast.Provider>
  );
}
