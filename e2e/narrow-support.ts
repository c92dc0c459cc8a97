import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** The widths the console is checked at: a phone, a tablet, a small laptop. */
export const PHONE = { width: 390, height: 844 };
export const TABLET = { width: 768, height: 1024 };
export const LAPTOP = { width: 1024, height: 768 };

/** The page does not scroll sideways: nothing is wider than the viewport. */
export async function expectNoSideScroll(page: Page, what: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
    innerWidth: window.innerWidth,
  }));
  expect
    .soft(scrollWidth, `${what}: page scroll width at ${innerWidth}px`)
    .toBeLessThanOrEqual(innerWidth);
}

type Box = { name: string; x: number; y: number; width: number; height: number };

async function boxesOf(controls: Locator): Promise<Box[]> {
  const boxes: Box[] = [];
  for (const control of await controls.all()) {
    if (!(await control.isVisible())) continue;
    const box = await control.boundingBox();
    const name = (await control.getAttribute('aria-label')) ?? (await control.innerText()).trim();
    if (box && box.width > 0) boxes.push({ name, ...box });
  }
  return boxes;
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Every visible link and button of the app header lies inside the viewport, and no two of them
 * overlap. Returns their names (so a test can also check what the header offers).
 */
export async function expectHeaderControlsApart(page: Page, what: string): Promise<string[]> {
  const banner = page.getByRole('banner');
  await expect(banner).toBeVisible();
  const boxes = await boxesOf(banner.locator('a, button'));
  const innerWidth = await page.evaluate(() => window.innerWidth);
  for (const box of boxes) {
    expect
      .soft(box.x + box.width, `${what}: "${box.name}" ends inside the viewport`)
      .toBeLessThanOrEqual(innerWidth);
  }
  const clashes: string[] = [];
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b) => {
      if (overlaps(a, b)) clashes.push(`"${a.name}" and "${b.name}"`);
    }),
  );
  expect.soft(clashes, `${what}: header controls that overlap`).toEqual([]);
  return boxes.map((b) => b.name);
}

/** An open dialog (or menu sheet) lies inside the viewport, and the page still does not scroll sideways. */
export async function expectDialogFits(page: Page, dialog: Locator, what: string): Promise<void> {
  await expect(dialog).toBeVisible();
  // Measure where it comes to rest, not mid-way through its opening animation.
  await dialog.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
  const box = await dialog.boundingBox();
  const innerWidth = await page.evaluate(() => window.innerWidth);
  expect(box, `${what}: dialog box`).not.toBeNull();
  expect.soft(box!.x, `${what}: dialog starts inside the viewport`).toBeGreaterThanOrEqual(0);
  expect
    .soft(box!.x + box!.width, `${what}: dialog ends inside the viewport`)
    .toBeLessThanOrEqual(innerWidth);
  const inner = await dialog.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect.soft(inner, `${what}: dialog content scrolls sideways`).toBeLessThanOrEqual(0);
  await expectNoSideScroll(page, what);
}
