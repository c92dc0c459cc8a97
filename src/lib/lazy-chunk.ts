import { createElement, use, type ComponentType } from 'react';

/**
 * A part of the console built as its own chunk, loaded once on demand. Unlike `React.lazy`,
 * a route loader (or a hover) can start it and wait for it, and a component rendered after it
 * arrived reads it at once: no fallback is painted for a chunk that is already here.
 */
export interface LazyChunk<T> {
  /** Starts loading (at most once; again after a failure); resolves when it has arrived. */
  load: () => Promise<T>;
  /** What it exports, once it has arrived. */
  peek: () => T | undefined;
}

export function lazyChunk<T>(importer: () => Promise<T>): LazyChunk<T> {
  let value: T | undefined;
  let loading: Promise<T> | undefined;
  return {
    load: () =>
      (loading ??= importer().then(
        (loaded) => (value = loaded),
        (error: unknown) => {
          // A failed download (offline, a deploy replaced the chunk) is tried again next time.
          loading = undefined;
          throw error;
        },
      )),
    peek: () => value,
  };
}

/**
 * In render: the chunk's export, suspending (nearest Suspense) until it has arrived; a failed
 * load throws to the nearest error boundary, and rendering again tries again.
 */
export function useLazyChunk<T>(chunk: LazyChunk<T>): T {
  return chunk.peek() ?? use(chunk.load());
}

/**
 * A component standing for the component a chunk exports: it suspends until the chunk has
 * arrived, then draws it (the same component on every render, so its state is kept).
 */
export function chunkComponent<P extends object>(
  chunk: LazyChunk<ComponentType<P>>,
): ComponentType<P> {
  return function ChunkComponent(props: P) {
    return createElement(useLazyChunk(chunk), props);
  };
}
