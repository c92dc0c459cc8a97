import { useSyncExternalStore } from 'react';

/**
 * A module loaded on first use, shared by every component that needs it: `load()` starts it (and
 * retries after a failure), `use()` re-renders a component once it is there, `get()` reads it.
 * The UI kit loads the heavy part of a primitive (Radix menus, popovers, toasts, tooltips) this
 * way, so that a page pays for a menu only when someone is about to open one.
 */
export interface LazyModule<M> {
  load: () => Promise<M>;
  get: () => M | null;
  use: () => M | null;
}

export function lazyModule<M>(importer: () => Promise<M>): LazyModule<M> {
  let loaded: M | null = null;
  let pending: Promise<M> | null = null;
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  const get = () => loaded;
  const load = () =>
    (pending ??= importer().then(
      (module) => {
        loaded = module;
        for (const listener of listeners) listener();
        return module;
      },
      (error: unknown) => {
        pending = null; // a chunk that failed to arrive is asked for again on the next use
        throw error;
      },
    ));
  return { load, get, use: () => useSyncExternalStore(subscribe, get, get) };
}

/** Starts a load whose failure is handled by the next attempt (a menu stays closed meanwhile). */
export function preload(module: LazyModule<unknown>): void {
  module.load().catch(() => undefined);
}
