import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Key } from '@/contract';
import { addDays, formatDateTime } from '@/lib/format';
import { keyKeys } from '../api';
import { RotationForm } from './rotation-tab';
import { ordersKey, renderWithClient, stubFetch } from './test-utils';

function setup(key: Key, answer: (body: unknown) => [number, unknown]) {
  const stub = stubFetch((req) => answer(req.body));
  const utils = renderWithClient(<RotationForm kmsKey={key} region="nl-01" />, stub.fetchImpl);
  utils.queryClient.setQueryData(keyKeys.detail(utils.client.scopeKey, 'nl-01', key.identity), key);
  return { ...utils, ...stub, user: userEvent.setup() };
}

const period = () => screen.getByRole('textbox', { name: /rotation period/i });
const save = () => screen.getByRole('button', { name: 'Save rotation settings' });

describe('RotationForm', () => {
  it('requires a period when rotation is turned on, and sends nothing', async () => {
    const { user, requests } = setup(ordersKey(), () => [200, {}]);
    await user.click(screen.getByRole('switch', { name: 'Rotate automatically' }));
    await user.click(save());
    expect(
      await screen.findByText('Rotation period is required while rotation is on'),
    ).toBeVisible();
    expect(period()).toHaveAttribute('aria-invalid', 'true');
    expect(requests).toHaveLength(0);
  });

  it.each([
    ['0', 'Rotation period must be at least 1 day'],
    ['3651', 'Rotation period must be at most 3650 days'],
    ['1.5', 'Rotation period must be a whole number of days'],
    ['ninety', 'Rotation period must be a whole number of days'],
    ['1e2', 'Rotation period must be a whole number of days'],
  ])('applies the contract rules to %s', async (text, message) => {
    const { user, requests } = setup(
      ordersKey({ keyRotationEnabled: true, rotationPeriodInDays: 30 }),
      () => [200, {}],
    );
    await user.clear(period());
    await user.type(period(), text);
    expect(await screen.findByText(message)).toBeVisible();
    await user.click(save());
    expect(requests).toHaveLength(0);
  });

  it('shows the next rotation date before saving, from the latest version and the period', async () => {
    const key = ordersKey();
    const { user } = setup(key, () => [200, {}]);
    await user.click(screen.getByRole('switch', { name: 'Rotate automatically' }));
    await user.click(screen.getByRole('button', { name: '90 days' }));
    expect(period()).toHaveValue('90');
    expect(screen.getByRole('button', { name: '90 days' })).toHaveAttribute('aria-pressed', 'true');
    const expected = formatDateTime(addDays('2026-03-01T00:00:00Z', 90));
    expect(screen.getByText(expected)).toBeVisible();
    expect(screen.getByText(/next rotation \(version 3\)/)).toBeVisible();
  });

  it('PATCHes the rotation and stores the answer in the detail cache', async () => {
    const key = ordersKey();
    const saved = ordersKey({
      keyRotationEnabled: true,
      rotationPeriodInDays: 90,
      objectVersion: 4,
    });
    const { user, requests, queryClient, client } = setup(key, () => [200, saved]);
    await user.click(screen.getByRole('switch', { name: 'Rotate automatically' }));
    await user.click(screen.getByRole('button', { name: '90 days' }));
    await user.click(save());
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]).toMatchObject({
      method: 'PATCH',
      url: '/v1/kms/nl-01/keys/kms-test0001/rotation',
      body: { keyRotationEnabled: true, rotationPeriodInDays: 90 },
    });
    await waitFor(() =>
      expect(
        queryClient.getQueryData(keyKeys.detail(client.scopeKey, 'nl-01', key.identity)),
      ).toEqual(saved),
    );
  });

  it('turning rotation off keeps the period in the request', async () => {
    const key = ordersKey({ keyRotationEnabled: true, rotationPeriodInDays: 30 });
    const { user, requests } = setup(key, () => [200, ordersKey({ rotationPeriodInDays: 30 })]);
    await user.click(screen.getByRole('switch', { name: 'Rotate automatically' }));
    await user.click(save());
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]?.body).toEqual({ keyRotationEnabled: false, rotationPeriodInDays: 30 });
  });

  it('turning rotation off is never blocked by a period that no longer applies', async () => {
    const key = ordersKey({ keyRotationEnabled: true, rotationPeriodInDays: 30 });
    const { user, requests } = setup(key, () => [200, ordersKey({ rotationPeriodInDays: 30 })]);
    await user.clear(period());
    await user.type(period(), 'abc');
    expect(await screen.findByText('Rotation period must be a whole number of days')).toBeVisible();
    await user.click(screen.getByRole('switch', { name: 'Rotate automatically' }));
    expect(screen.queryByText('Rotation period must be a whole number of days')).toBeNull();
    await user.click(save());
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]?.body).toEqual({ keyRotationEnabled: false });
  });

  it('maps a server 400 about the period onto the field and keeps the input', async () => {
    const { user } = setup(ordersKey(), () => [
      400,
      { message: 'rotationPeriodInDays: period not allowed by policy' },
    ]);
    await user.click(screen.getByRole('switch', { name: 'Rotate automatically' }));
    await user.type(period(), '45');
    await user.click(save());
    expect(
      await screen.findByText('rotationPeriodInDays: period not allowed by policy'),
    ).toBeVisible();
    expect(period()).toHaveValue('45');
    expect(period()).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('switch', { name: 'Rotate automatically' })).toBeChecked();
  });

  it('shows another server refusal in place with the server message', async () => {
    const { user } = setup(ordersKey(), () => [400, { message: 'Key state does not allow this' }]);
    await user.click(screen.getByRole('switch', { name: 'Rotate automatically' }));
    await user.click(screen.getByRole('button', { name: '30 days' }));
    await user.click(save());
    expect(await screen.findByText(/Key state does not allow this/)).toBeVisible();
    expect(period()).toHaveValue('30');
  });

  it('disables the controls with the reason, in plain words, for an imported key that cannot rotate', () => {
    setup(ordersKey({ imported: true, allowRotation: false }), () => [200, {}]);
    expect(screen.getByRole('switch', { name: 'Rotate automatically' })).toBeDisabled();
    expect(period()).toBeDisabled();
    expect(screen.getByRole('note')).toHaveTextContent(/imported with rotation not allowed/i);
    expect(screen.getByRole('note')).not.toHaveTextContent(/allowRotation/);
  });

  it('disables the controls with the reason for a disabled key', () => {
    setup(ordersKey({ status: 'disabled' }), () => [200, {}]);
    expect(screen.getByRole('switch', { name: 'Rotate automatically' })).toBeDisabled();
    expect(screen.getByRole('note')).toHaveTextContent(/disabled: enable it/i);
    expect(save()).toBeDisabled();
    expect(screen.getByText(/Rotation is paused while the key is disabled/)).toBeVisible();
  });
});
