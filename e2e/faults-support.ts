import { expect, type Locator, type Page, type Route } from '@playwright/test';

/**
 * Fault injection for the e2e suite: intercepts the browser's requests to one API path (and
 * method) and answers them with a fault instead of the emulator, counting every request seen.
 */

export type FaultKind = '500' | '503' | 'abort' | 'slow';

/** Server messages the console must show word for word. */
export const FAULT_MESSAGES = {
  '500': 'Injected fault: the key store timed out (trace 5f00)',
  '503': 'Injected fault: KMS in nl-01 is draining for maintenance (trace 5f03)',
} as const;

/** The failing kinds, in the order the specs run them. */
export const FAILURES = ['500', '503', 'abort'] as const;
export type FailureKind = (typeof FAILURES)[number];

/** What the console says, in a one-line error (title: detail), for each failing kind. */
export const ONE_LINE_ERROR: Record<FailureKind, RegExp> = {
  '500': new RegExp(`The KMS API had a problem: ${escapeRegExp(FAULT_MESSAGES['500'])}`),
  '503': new RegExp(`KMS is not available in this region: ${escapeRegExp(FAULT_MESSAGES['503'])}`),
  abort: /Cannot reach the KMS API: The KMS API could not be reached/,
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface Injection {
  /** Requests that matched (method and path) since the fault was installed. */
  readonly count: () => number;
  /**
   * A "slow" fault holds every matching request until this is called: the test checks what the
   * console shows while the answer is pending, then lets the request go on to the emulator. A
   * held request is never timed, so a busy machine cannot answer it before the checks ran.
   * No-op for the other kinds.
   */
  readonly release: () => void;
  /** Releases what is held and stops intercepting; later requests reach the emulator. */
  readonly remove: () => Promise<void>;
}

/**
 * Answers every `method` request whose path is exactly `path` with the fault, until removed.
 * Other methods on the same path (e.g. GET vs DELETE of a key) go through untouched.
 */
export async function injectFault(
  page: Page,
  target: { method: string; path: string },
  kind: FaultKind,
): Promise<Injection> {
  let count = 0;
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const matches = (url: URL) => url.pathname === target.path;
  const handler = async (route: Route) => {
    if (route.request().method() !== target.method) return route.fallback();
    count += 1;
    switch (kind) {
      case '500':
      case '503':
        return route.fulfill({
          status: Number(kind),
          contentType: 'application/json',
          body: JSON.stringify({ message: FAULT_MESSAGES[kind] }),
        });
      case 'abort':
        return route.abort('failed');
      case 'slow':
        await released;
        // The page may have gone meanwhile (test over): nothing left to answer.
        return route.continue().catch(() => undefined);
    }
  };
  await page.route(matches, handler);
  return {
    count: () => count,
    release,
    remove: async () => {
      release();
      await page.unroute(matches, handler);
    },
  };
}

/**
 * Submits a form the way an Enter key press or a script would, bypassing its (disabled)
 * submit button: the form's own guard must refuse a second submission while one is pending.
 */
export async function resubmit(form: Locator): Promise<void> {
  await form.evaluate((f) => {
    if (f instanceof HTMLFormElement) f.requestSubmit();
    else throw new Error('not a form');
  });
}

/** The dialog's alert, containing the one-line error for the given kind. */
export async function expectDialogError(dialog: Locator, kind: FailureKind): Promise<void> {
  await expect(dialog.getByRole('alert')).toContainText(ONE_LINE_ERROR[kind]);
}
