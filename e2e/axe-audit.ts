import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const BOTH = ['light', 'dark'] as const;
export type Scheme = (typeof BOTH)[number];

/**
 * Waits until nothing on the page is loading: every region that loads marks itself
 * `aria-busy="true"` until its data is there (a bounded wait, unlike `networkidle`, which also
 * waits out requests nobody shows and fails on a page that polls).
 */
export async function settled(page: Page) {
  await expect(page.locator('[aria-busy="true"]'), 'the page is still loading').toHaveCount(0, {
    timeout: 15_000,
  });
}

/**
 * axe-core audit (WCAG 2.0/2.1 A and AA) of the page as it is now, once per colour scheme.
 * Serious and critical violations fail the test (softly, so one run lists them all); moderate
 * and minor ones are printed and annotated.
 */
export async function audit(
  page: Page,
  what: string,
  options: { schemes?: readonly Scheme[]; include?: string } = {},
) {
  for (const colorScheme of options.schemes ?? BOTH) {
    // Reduced motion: dialogs fade in, and a half-faded dialog fails contrast for no reason.
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
    const builder = new AxeBuilder({ page }).withTags(TAGS);
    if (options.include) builder.include(options.include);
    const { violations } = await builder.analyze();
    const describe = (v: (typeof violations)[number]) =>
      `${what} (${colorScheme}): [${v.impact}] ${v.id}: ${v.help} at ${v.nodes
        .map((n) => n.target.join(' '))
        .join(', ')}`;
    const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    for (const v of violations.filter((x) => !blocking.includes(x))) {
      const line = describe(v);
      test.info().annotations.push({ type: 'a11y (not blocking)', description: line });
      console.log(`a11y, not blocking: ${line}`);
    }
    expect.soft(blocking.map(describe), `${what} (${colorScheme})`).toEqual([]);
  }
}
