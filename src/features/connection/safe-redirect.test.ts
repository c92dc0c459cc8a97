import { describe, expect, it } from 'vitest';
import { safeRedirect } from './safe-redirect';

describe('safeRedirect', () => {
  it('follows in-app paths with their search', () => {
    expect(safeRedirect('/regions/nl-01/keys?q=pay&project=proj-web')).toBe(
      '/regions/nl-01/keys?q=pay&project=proj-web',
    );
  });

  it('falls back to the overview for anything else', () => {
    for (const bad of [
      undefined,
      '',
      'https://evil.example',
      '//evil.example/x',
      '/\\evil',
      'regions',
      '/sign-in?redirect=/x',
      '/sign-in',
    ])
      expect(safeRedirect(bad)).toBe('/regions');
  });
});
