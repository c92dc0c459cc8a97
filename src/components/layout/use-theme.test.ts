import { afterEach, describe, expect, it, vi } from 'vitest';
import { startThemeSync } from './use-theme';

function fakeMatchMedia(initiallyDark: boolean) {
  const listeners = new Set<() => void>();
  const mq = {
    matches: initiallyDark,
    addEventListener: (_: string, l: () => void) => listeners.add(l),
    removeEventListener: (_: string, l: () => void) => listeners.delete(l),
  };
  vi.stubGlobal('matchMedia', () => mq);
  return {
    setDark(dark: boolean) {
      mq.matches = dark;
      listeners.forEach((l) => l());
    },
  };
}

describe('startThemeSync', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    localStorage.clear();
  });

  it('follows the OS while the choice is "system"', () => {
    const os = fakeMatchMedia(false);
    const stop = startThemeSync();
    os.setDark(true);
    expect(document.documentElement.dataset.theme).toBe('dark');
    os.setDark(false);
    expect(document.documentElement.dataset.theme).toBe('light');
    stop();
  });

  it('keeps an explicit choice when the OS changes', () => {
    const os = fakeMatchMedia(false);
    localStorage.setItem('kms.theme', 'light');
    document.documentElement.dataset.theme = 'light';
    const stop = startThemeSync();
    os.setDark(true);
    expect(document.documentElement.dataset.theme).toBe('light');
    stop();
  });
});
