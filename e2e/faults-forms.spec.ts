import { confirmationPhrase, slugify } from '../src/contract';
import { wizard } from './create-key-wizard';
import { createKey, expect, getKey, signIn, test, uniqueName } from './fixtures';
import {
  expectDialogError,
  FAILURES,
  FAULT_MESSAGES,
  injectFault,
  ONE_LINE_ERROR,
  resubmit,
  type FailureKind,
} from './faults-support';

const REGION = 'nl-01';

test('rotation settings: failed saves keep the period and say why; a slow save is busy, single, then saved', async ({
  page,
  api,
}) => {
  test.setTimeout(90_000);
  const key = await createKey(api, REGION, {
    name: uniqueName('faults rotation'),
    keyType: 'aes256-gcm96',
  });
  const target = { method: 'PATCH', path: `/v1/kms/${REGION}/keys/${key.identity}/rotation` };
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys/${key.identity}/rotation`);
  const toggle = page.getByRole('switch', { name: 'Rotate automatically' });
  const period = page.getByRole('textbox', { name: 'Rotation period (days)' });
  const save = page.getByRole('button', { name: 'Save rotation settings' });
  const form = page.locator('form').filter({ has: save });
  await toggle.click();
  await period.fill('45');

  for (const [i, kind] of FAILURES.entries()) {
    const fault = await injectFault(page, target, kind);
    await save.click();
    await expect(form.getByRole('alert')).toContainText(ONE_LINE_ERROR[kind]);
    expect(fault.count(), kind).toBe(1);
    await expect(period).toHaveValue('45');
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
    await expect(save).toBeEnabled();
    await fault.remove();
    if (i === 0) {
      // Other actions still work, and leave the unsaved input alone.
      await page.getByRole('button', { name: 'Rotate now…' }).click();
      const dialog = page.getByRole('dialog', { name: /^Rotate .* now\?$/ });
      await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect(period).toHaveValue('45');
    }
  }
  expect(await getKey(api, REGION, key.identity)).toMatchObject({ keyRotationEnabled: false });

  const slow = await injectFault(page, target, 'slow');
  await save.click();
  const saving = page.getByRole('button', { name: 'Saving…' });
  await expect(saving).toBeDisabled();
  await expect(saving).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('button', { name: 'Discard changes' })).toBeDisabled();
  // What is being saved cannot be changed under it (the answer resets the form).
  await expect(period).not.toBeEditable();
  // Only while the save is pending does the form hold a "Saving…" button: too late fails here.
  await resubmit(page.locator('form').filter({ has: saving }));
  slow.release();
  await expect(page.getByText('Saved setting: on, every 45 days.')).toBeVisible();
  await expect(form.getByRole('alert')).toHaveCount(0);
  expect(slow.count()).toBe(1);
  await slow.remove();
  expect(await getKey(api, REGION, key.identity)).toMatchObject({
    keyRotationEnabled: true,
    rotationPeriodInDays: 45,
  });
});

test('export: failures show in the dialog with the gate still filled in; a slow export is busy, single, then shown', async ({
  page,
  api,
}) => {
  test.setTimeout(90_000);
  const key = await createKey(api, REGION, {
    name: uniqueName('faults export'),
    keyType: 'aes256-gcm96',
    exportAllowed: true,
  });
  expect((await api.post(`/v1/kms/${REGION}/keys/${key.identity}/rotate`)).status()).toBe(200);
  const target = { method: 'POST', path: `/v1/kms/${REGION}/keys/${key.identity}/export` };
  await signIn(page);
  await page.goto(`/regions/${REGION}/keys/${key.identity}`);
  const openButton = page.getByRole('button', { name: 'Export', exact: true });
  const dialog = page.getByRole('dialog', { name: /Export key material/ });
  const ack = dialog.getByRole('checkbox', { name: /cannot be revoked/ });
  const slug = dialog.getByRole('textbox', { name: /to confirm/ });
  const version = dialog.getByRole('combobox', { name: 'Version' });
  const submit = dialog.getByRole('button', { name: 'Export version 1' });
  const fillGate = async () => {
    await openButton.click();
    await ack.check();
    await slug.fill(confirmationPhrase(REGION, key.slug));
    await version.selectOption('1');
  };
  await fillGate();

  for (const [i, kind] of FAILURES.entries()) {
    const fault = await injectFault(page, target, kind);
    await submit.click();
    await expectDialogError(dialog, kind);
    expect(fault.count(), kind).toBe(1);
    await expect(ack).toBeChecked();
    await expect(slug).toHaveValue(confirmationPhrase(REGION, key.slug));
    await expect(version).toHaveValue('1');
    await expect(submit).toBeEnabled();
    await expect(dialog.getByTestId('export-material')).toHaveCount(0);
    await fault.remove();
    if (i === 0) {
      // Closing clears the gate on purpose (break-glass); the page and a fresh dialog work.
      await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
      await expect(dialog).toBeHidden();
      await page.getByRole('tab', { name: 'Versions' }).click();
      await expect(page.getByRole('row', { name: /^v2 / })).toBeVisible();
      await fillGate();
      await expect(dialog.getByRole('alert')).toHaveCount(0);
    }
  }

  const slow = await injectFault(page, target, 'slow');
  await submit.click();
  const exporting = dialog.getByRole('button', { name: 'Exporting…' });
  await expect(exporting).toBeDisabled();
  await expect(exporting).toHaveAttribute('aria-busy', 'true');
  await resubmit(dialog.locator('form'));
  slow.release();
  await expect(dialog.getByTestId('export-material')).toContainText('characters hidden');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  expect(slow.count()).toBe(1);
  await slow.remove();
});

/** The wizard's submit error for each failing kind: the words it must show, and its buttons. */
const CREATE_ERRORS: Record<FailureKind, { texts: string[]; buttons: string[] }> = {
  '500': {
    texts: ['The KMS API had a problem', FAULT_MESSAGES['500'], 'HTTP 500'],
    buttons: ['Try again'],
  },
  '503': {
    texts: [`Keys cannot be created in ${REGION} right now`, FAULT_MESSAGES['503'], 'HTTP 503'],
    buttons: ['Try again', 'Choose another region'],
  },
  abort: {
    texts: [
      'The key was not created: the KMS API could not be reached',
      'Everything you entered is kept',
    ],
    buttons: ['Try again'],
  },
};

test('create key: failed creates keep every field and offer a retry; a slow create is busy, single, then done', async ({
  page,
  api,
}) => {
  test.setTimeout(120_000);
  const target = { method: 'POST', path: `/v1/kms/${REGION}/keys` };
  const name = uniqueName('faults create');
  const w = wizard(page);
  await signIn(page);
  await w.open();
  await w.keyType('ChaCha20-Poly1305').click();
  await w.next('Details');
  await w.name().fill(name);
  await w.description().fill('kept through every fault');
  await page.getByRole('button', { name: 'Add label' }).click();
  await page.getByLabel('Label 1 key').fill('team');
  await page.getByLabel('Label 1 value').fill('payments');
  await w.next('Rotation');
  await w.rotationSwitch().click();
  await w.period().fill('45');
  await w.next('Export');
  await w.exportSwitch().click();
  const gate = page.getByRole('dialog', { name: "Allow export of this key's material?" });
  await gate.getByRole('checkbox').check();
  await gate.getByLabel(/Type .* to confirm/).fill(confirmationPhrase(REGION, slugify(name)));
  await gate.getByRole('button', { name: 'Allow export' }).click();
  await expect(gate).toBeHidden();
  await w.next('Review and create');

  const errorBox = page.getByRole('alert').filter({ has: page.getByRole('button') });
  let submit = w.createButton();
  for (const kind of FAILURES) {
    const fault = await injectFault(page, target, kind);
    await submit.click();
    const expected = CREATE_ERRORS[kind];
    for (const text of expected.texts) await expect(errorBox, kind).toContainText(text);
    await expect(errorBox.getByRole('button')).toHaveText(expected.buttons);
    expect(fault.count(), kind).toBe(1);
    await expect(w.heading('Review and create')).toBeVisible();
    await expect(w.createButton()).toBeEnabled();
    await fault.remove();
    // The next attempt goes through the error's own retry.
    submit = errorBox.getByRole('button', { name: 'Try again' });
  }

  // Nothing was lost: walk back through the steps.
  await w.back();
  await expect(w.heading('Export')).toBeVisible();
  await expect(w.exportSwitch()).toHaveAttribute('aria-checked', 'true');
  await w.back();
  await expect(w.heading('Rotation')).toBeVisible();
  await expect(w.rotationSwitch()).toHaveAttribute('aria-checked', 'true');
  await expect(w.period()).toHaveValue('45');
  await w.back();
  await expect(w.heading('Details')).toBeVisible();
  await expect(w.name()).toHaveValue(name);
  await expect(w.description()).toHaveValue('kept through every fault');
  await expect(page.getByLabel('Label 1 key')).toHaveValue('team');
  await expect(page.getByLabel('Label 1 value')).toHaveValue('payments');
  await w.back();
  await expect(w.keyType('ChaCha20-Poly1305')).toBeChecked();
  await w.next('Details');
  await w.toReviewFromDetails();
  await expect(errorBox).toContainText('The key was not created');

  const slow = await injectFault(page, target, 'slow');
  await errorBox.getByRole('button', { name: 'Try again' }).click();
  const creating = page.getByRole('button', { name: 'Creating…' });
  await expect(creating).toBeDisabled();
  await expect(creating).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('status').filter({ hasText: 'Creating the key…' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Back' })).toBeDisabled();
  await resubmit(page.locator('form').filter({ has: creating }));
  slow.release();
  const id = await w.waitForKeyPage();
  expect(slow.count()).toBe(1);
  await slow.remove();
  expect(await getKey(api, REGION, id)).toMatchObject({
    name,
    keyType: 'chacha20-poly1305',
    description: 'kept through every fault',
    labels: { team: 'payments' },
    keyRotationEnabled: true,
    rotationPeriodInDays: 45,
    exportAllowed: true,
  });
  const same = await api.get(`/v1/kms/${REGION}/keys?name=${encodeURIComponent(name)}`);
  expect(await same.json()).toHaveLength(1);
});
