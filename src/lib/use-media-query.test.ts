import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useMediaQuery } from './use-media-query';

function fakeMediaQuery(initial: boolean) {
  const listeners = new Set<() => void>();
  const mq = {
    matches: initial,
    addEventListener: (_: string, l: () => void) => listeners.add(l),
    removeEventListener: (_: string, l: () => void) => listeners.delete(l),
  };
  return {
    mq,
    listeners,
    set(value: boolean) {
      mq.matches = value;
      listeners.forEach((l) => l());
    },
  };
}

describe('useMediaQuery', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reports the query and follows its changes', () => {
    const fake = fakeMediaQuery(false);
    vi.stubGlobal('matchMedia', () => fake.mq);
    const { result, unmount } = renderHook(() => useMediaQuery('(max-width: 10px)'));
    expect(result.current).toBe(false);
    act(() => fake.set(true));
    expect(result.current).toBe(true);
    unmount();
    expect(fake.listeners.size).toBe(0);
  });

  it('is false where matchMedia does not exist', () => {
    vi.stubGlobal('matchMedia', undefined);
    const { result } = renderHook(() => useMediaQuery('(max-width: 10px)'));
    expect(result.current).toBe(false);
  });
});
