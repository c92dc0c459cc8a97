import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const BOTH = ['light', 'dark'] as const;
export type Scheme = (typeof BOTH)[number];

export interface AuditOptions {
  /** The colour schemes to scan in, one after the other on the same page (default: both). */
  schemes?: readonly Scheme[];
  /** A selector: scan only this part of the page. */
  include?: string;
  /** `wcag` (default): WCAG 2.0/2.1 A and AA; `all`: every axe rule, best practices too. */
  rules?: 'wcag' | 'all';
  /**
   * `serious` (default): serious and critical violations fail, moderate and minor ones are
   * printed and annotated; `any`: every violation fails.
   */
  failOn?: 'serious' | 'any';
}

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

/** axe-core as @axe-core/playwright ships it (its own dependency, resolved from there). */
const AXE_SOURCE = readFileSync(
  createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright')).resolve(
    'axe-core/axe.min.js',
  ),
  'utf8',
);

interface Violation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * One axe-core scan of the page as it is now. axe is injected once per loaded document and run
 * in the page itself: @axe-core/playwright injects its 0.5 MB source on every scan and opens a
 * blank page for each to merge frame results (the console has no frames), which took most of
 * the suite's accessibility time.
 */
async function scan(page: Page, options: AuditOptions) {
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) await page.evaluate(AXE_SOURCE);
  const runOnly = (options.rules ?? 'wcag') === 'wcag' ? { type: 'tag', values: WCAG } : undefined;
  return page.evaluate(
    async ({ include, runOnly }) => {
      const { axe } = window as unknown as {
        axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Violation[] }> };
      };
      const context = include ? { include: [include] } : document;
      const result = await axe.run(context, runOnly ? { runOnly } : {});
      // Only what the report needs crosses back: the rest is large.
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target })),
      }));
    },
    { include: options.include, runOnly },
  );
}

/**
 * Resolves when the CSS transitions running now have ended. A theme change starts colour
 * transitions; reduced motion cuts them to 0.01 ms, yet they end only on a later frame, and a
 * scan before that reads colours from their start (the other theme's). Only transitions: an
 * endless animation (a spinner) never finishes.
 */
async function transitionsDone(page: Page) {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a instanceof CSSTransition)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

/**
 * axe-core audit of the page as it is now, once per colour scheme (the theme follows the
 * emulated scheme live, so the page is not loaded again). Failing violations fail the test
 * softly, so one run lists them all.
 */
export async function audit(page: Page, what: string, options: AuditOptions = {}) {
  for (const colorScheme of options.schemes ?? BOTH) {
    // Reduced motion: dialogs fade in, and a half-faded dialog fails contrast for no reason.
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
    await transitionsDone(page);
    const violations = await scan(page, options);
    const describe = (v: Violation) =>
      `${what} (${colorScheme}): [${v.impact}] ${v.id}: ${v.help} at ${v.nodes
        .map((n) => n.target.join(' '))
        .join(', ')}`;
    const blocking =
      options.failOn === 'any'
        ? violations
        : violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    for (const v of violations.filter((x) => !blocking.includes(x))) {
      const line = describe(v);
      test.info().annotations.push({ type: 'a11y (not blocking)', description: line });
      console.log(`a11y, not blocking: ${line}`);
    }
    expect.soft(blocking.map(describe), `${what} (${colorScheme})`).toEqual([]);
  }
}
