import type { APIRequestContext, Page } from '@playwright/test';
import type { Key } from '../src/contract';
import { createKey, expect, getKey, signIn, test, uniqueName } from './fixtures';
import {
  expectDialogError,
  FAILURES,
  injectFault,
  resubmit,
  type FaultKind,
} from './faults-support';

const REGION = 'nl-01';

/** One lifecycle action, from the header button through its dialog to the API request. */
interface Step {
  button: string;
  dialog: RegExp;
  confirm: RegExp;
  method: string;
  /** Appended to the key's API path. */
  suffix: string;
  /** The dialog's button that closes it without acting, when not "Cancel". */
  dismiss?: string;
  /** Text typed to confirm, if the dialog asks for it. */
  typed?: (key: Key) => string;
  /** What the page still shows after the action failed (an optimistic change rolled back). */
  stillShown?: (page: Page) => Promise<void>;
  /** The key on the server once the action went through. */
  done: Partial<Key>;
}

const disabledBanner = (page: Page) => page.getByText('This key is disabled.', { exact: true });

/** In this order every action is possible exactly once, and the key ends active again. */
const STEPS: [Step, Step, Step, Step, Step] = [
  {
    button: 'Rotate now',
    dialog: /^Rotate .* now\?$/,
    confirm: /^Create version \d+$/,
    method: 'POST',
    suffix: '/rotate',
    done: { latestVersion: 2 },
  },
  {
    button: 'Disable',
    dialog: /^Disable .*\?$/,
    confirm: /^Disable key$/,
    method: 'POST',
    suffix: '/disable',
    stillShown: (page) => expect(disabledBanner(page)).toBeHidden(),
    done: { status: 'disabled' },
  },
  {
    button: 'Enable',
    dialog: /^Enable .*\?$/,
    confirm: /^Enable key$/,
    method: 'POST',
    suffix: '/enable',
    stillShown: (page) => expect(disabledBanner(page)).toBeVisible(),
    done: { status: 'active' },
  },
  {
    button: 'Schedule deletion',
    dialog: /^Schedule deletion of .*\?$/,
    confirm: /^Schedule deletion$/,
    method: 'DELETE',
    suffix: '',
    typed: (key) => `${REGION}/${key.slug}`,
    done: { status: 'pending_deletion' },
  },
  {
    button: 'Cancel deletion',
    dialog: /^Cancel deletion of .*\?$/,
    confirm: /^Cancel deletion$/,
    dismiss: 'Keep it scheduled',
    method: 'DELETE',
    suffix: '/cancel-deletion',
    done: { status: 'active' },
  },
];

async function openKey(page: Page, api: APIRequestContext, name: string): Promise<Key> {
  const key = await createKey(api, REGION, { name: uniqueName(name), keyType: 'aes256-gcm96' });
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys/${key.identity}`);
  await expect(page.getByRole('heading', { level: 1, name: key.name })).toBeVisible();
  return key;
}

const [ROTATE, DISABLE, , SCHEDULE] = STEPS;

function stepParts(page: Page, key: Key, step: Step) {
  const actions = page.getByRole('group', { name: 'Key actions' });
  const dialog = page.getByRole('dialog', { name: step.dialog });
  return {
    trigger: actions.getByRole('button', { name: step.button, exact: true }),
    dialog,
    confirm: dialog.getByRole('button', { name: step.confirm }),
    typedBox: dialog.getByRole('textbox'),
    typed: step.typed?.(key),
    target: { method: step.method, path: `/v1/kms/${REGION}/keys/${key.identity}${step.suffix}` },
  };
}

test('lifecycle actions: 500, 503 and aborted answers show in the dialog, keep the typed confirmation, and the retry goes through', async ({
  page,
  api,
}) => {
  test.setTimeout(120_000);
  const key = await openKey(page, api, 'faults lifecycle');

  for (const step of STEPS) {
    const p = stepParts(page, key, step);
    const open = async () => {
      await p.trigger.click();
      await expect(p.dialog).toBeVisible();
      await expect(p.dialog.getByRole('alert')).toHaveCount(0);
      if (p.typed) await p.typedBox.fill(p.typed);
    };
    await open();
    for (const [i, kind] of FAILURES.entries()) {
      const fault = await injectFault(page, p.target, kind);
      await p.confirm.click();
      await expectDialogError(p.dialog, kind);
      // Mutations never retry by themselves; the user can, from the same dialog.
      expect(fault.count(), `${step.button} ${kind}`).toBe(1);
      await expect(p.confirm).toBeEnabled();
      if (p.typed) await expect(p.typedBox).toHaveValue(p.typed);
      await step.stillShown?.(page);
      await fault.remove();

      if (i === 0) {
        // The page stays usable: close the dialog, use a tab, come back to a clean dialog.
        await p.dialog.getByRole('button', { name: step.dismiss ?? 'Cancel', exact: true }).click();
        await expect(p.dialog).toBeHidden();
        await page.getByRole('tab', { name: 'Versions' }).click();
        await expect(page.getByRole('row', { name: /^v1 / })).toBeVisible();
        await page.getByRole('tab', { name: 'Overview' }).click();
        await open();
      }
    }
    // Retry in place, with the API answering again.
    await p.confirm.click();
    await expect(p.dialog, `${step.button}: done`).toBeHidden();
    await expect.poll(async () => getKey(api, REGION, key.identity)).toMatchObject(step.done);
  }
});

test('lifecycle actions: a slow answer shows progress, refuses a second submit, then lands', async ({
  page,
  api,
}) => {
  test.setTimeout(120_000);
  const key = await openKey(page, api, 'faults lifecycle slow');
  const slowKind: FaultKind = 'slow';

  for (const step of STEPS) {
    const p = stepParts(page, key, step);
    await p.trigger.click();
    if (p.typed) await p.typedBox.fill(p.typed);
    const slow = await injectFault(page, p.target, slowKind);
    await p.confirm.click();
    const working = p.dialog.getByRole('button', { name: 'Working…' });
    await expect(working).toBeDisabled();
    await expect(working).toHaveAttribute('aria-busy', 'true');
    await resubmit(p.dialog.locator('form'));
    if (step === ROTATE) {
      // Closed while pending and opened again: still pending, no way to send a second rotation.
      await page.keyboard.press('Escape');
      await expect(p.dialog).toBeHidden();
      await p.trigger.click();
      await expect(working).toBeDisabled();
    }
    if (step === DISABLE) {
      // Closed while pending, another dialog opened: the late answer lands and leaves it alone.
      await page.keyboard.press('Escape');
      await expect(p.dialog).toBeHidden();
      const other = stepParts(page, key, SCHEDULE);
      await other.trigger.click();
      await other.typedBox.fill(`${REGION}/${key.slug}`);
      slow.release();
      await expect(page.getByText(`${key.name} is disabled`, { exact: true })).toBeVisible();
      await expect(other.dialog).toBeVisible();
      await expect(other.typedBox).toHaveValue(`${REGION}/${key.slug}`);
      await other.dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    }
    slow.release();
    await expect(p.dialog, `${step.button}: done`).toBeHidden();
    expect(slow.count(), `${step.button}: requests`).toBe(1);
    await slow.remove();
    await expect.poll(async () => getKey(api, REGION, key.identity)).toMatchObject(step.done);
  }
  // Every action went through exactly once.
  expect((await getKey(api, REGION, key.identity)).latestVersion).toBe(2);
});
