import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { lazyModule, preload } from './lazy-module';

import type { ToastInput, ToastItem } from './toast-parts';

export type { ToastInput, ToastItem };

const ToastContext = createContext<((toast: ToastInput) => void) | null>(null);

// Radix Toast and the viewport load with the first toast; toasts shown meanwhile wait for it.
const parts = lazyModule(() => import('./toast-parts'));

/** Toasts (Radix, loaded with the first one) + a `useToast()` hook to show short confirmations. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const host = parts.use();
  const show = useCallback((toast: ToastInput) => {
    preload(parts);
    setItems((prev) => [...prev.slice(-3), { ...toast, id: Date.now() + Math.random() }]);
  }, []);
  const hasToasts = items.length > 0;
  useEffect(() => {
    if (hasToasts) preload(parts); // again after a chunk that failed to load
  }, [hasToasts]);
  const onClosed = useCallback(
    (id: number) => setItems((prev) => prev.filter((x) => x.id !== id)),
    [],
  );
  return (
    <ToastContext.Provider value={show}>
      {children}
      {host ? <host.ToastHost items={items} onClosed={onClosed} /> : null}
    </ToastContext.Provider>
  );
}

export function useToast(): (toast: ToastInput) => void {
  const show = useContext(ToastContext);
  if (!show) throw new Error('useToast must be used inside <ToastProvider>');
  return show;
}
