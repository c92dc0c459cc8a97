import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeKey } from '@/test/make-key';
import { renderWizard, stubApi } from './test/render-wizard';

const next = () => screen.getByRole('button', { name: /^Next/ });
/** Generous waits: under a loaded machine jsdom renders slowly (not a timing claim). */
const WAIT = { timeout: 5000 };
const heading = (name: string) => screen.findByRole('heading', { name, level: 2 }, WAIT);

async function toDetails(user: ReturnType<typeof userEvent.setup>) {
  await heading('Origin and type');
  await user.click(next());
  await heading('Details');
}

// Whole-wizard flows in jsdom are slow on a loaded machine; the budget is generous, not a timing claim.
describe('CreateKeyPage', { timeout: 30_000 }, () => {
  it('Next validates only the current step and keeps the step in the URL', async () => {
    const user = userEvent.setup();
    const { fetchImpl } = stubApi();
    const { router } = renderWizard('/regions/nl-01/keys/new', fetchImpl);
    await toDetails(user);
    expect(router.state.location.search).toMatchObject({ step: 'details' });

    await user.click(next());
    expect(await screen.findByText('Name is required', undefined, WAIT)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Details', level: 2 })).toBeInTheDocument();

    await user.type(screen.getByLabelText(/^Name/), 'Payments key');
    expect(screen.getByTestId('slug-preview')).toHaveTextContent('payments-key');
    await user.click(screen.getByRole('button', { name: 'Add label' }));
    await user.type(screen.getByLabelText('Label 1 key'), 'bad key');
    expect(screen.getByText(/Key name may hold only letters/)).toBeInTheDocument();
    await user.click(next());
    expect(screen.getByRole('heading', { name: 'Details', level: 2 })).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Label 1 key'));
    await user.type(screen.getByLabelText('Label 1 key'), 'team');
    await user.click(next());
    await heading('Rotation');
    expect(router.state.location.search).toMatchObject({ step: 'rotation' });
  });

  it('refuses HMAC types for import, with the reason', async () => {
    const user = userEvent.setup();
    const { fetchImpl } = stubApi();
    renderWizard('/regions/nl-01/keys/new', fetchImpl);
    await heading('Origin and type');
    await user.click(screen.getByRole('radio', { name: 'HMAC-SHA512' }));
    await user.click(screen.getByRole('radio', { name: 'Imported (bring your own key)' }));
    for (const name of ['HMAC (SHA-256)', 'HMAC-SHA256', 'HMAC-SHA512'])
      expect(screen.getByRole('radio', { name })).toBeDisabled();
    expect(screen.getByText(/Not available for import/)).toBeInTheDocument();
    // The HMAC choice was cleared: a type must be chosen again.
    await user.click(next());
    expect(await screen.findByText('Choose a key type', undefined, WAIT)).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'AES-256-GCM' })).toBeEnabled();
  });

  it('turns export on only through the gate', async () => {
    const user = userEvent.setup();
    const { fetchImpl } = stubApi();
    renderWizard('/regions/nl-01/keys/new', fetchImpl);
    await toDetails(user);
    await user.type(screen.getByLabelText(/^Name/), 'Escrowed Key');
    await user.click(next());
    await heading('Rotation');
    await user.click(next());
    await heading('Export');
    const toggle = screen.getByRole('switch', { name: 'Allow export of key material' });
    expect(toggle).toHaveAttribute('aria-checked', 'false');

    await user.click(toggle);
    let gate = await screen.findByRole('dialog', undefined, WAIT);
    await user.click(within(gate).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(toggle).toHaveAttribute('aria-checked', 'false');

    await user.click(toggle);
    gate = await screen.findByRole('dialog', undefined, WAIT);
    const allow = within(gate).getByRole('button', { name: 'Allow export' });
    await user.click(within(gate).getByRole('checkbox'));
    // The one confirmation rule: region/slug, here the slug the name will get.
    expect(within(gate).getByText('nl-01/escrowed-key')).toBeInTheDocument();
    await user.type(within(gate).getByLabelText(/to confirm/), 'Escrowed Key');
    expect(allow).toBeDisabled();
    await user.clear(within(gate).getByLabelText(/to confirm/));
    await user.type(within(gate).getByLabelText(/to confirm/), 'nl-01/escrowed-ke');
    expect(allow).toBeDisabled();
    await user.type(within(gate).getByLabelText(/to confirm/), 'y');
    await user.click(allow);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(toggle).toHaveAttribute('aria-checked', 'true');
    // The gate's own submit did not move the wizard on.
    expect(screen.getByRole('heading', { name: 'Export', level: 2 })).toBeInTheDocument();
  });

  it.each([
    ['key name', 'Details'],
    ['key type', 'Origin and type'],
  ])(
    'turns export off again and says why when the %s changes after the gate',
    async (what, step) => {
      const user = userEvent.setup();
      const { fetchImpl } = stubApi();
      renderWizard('/regions/nl-01/keys/new', fetchImpl);
      await toDetails(user);
      await user.type(screen.getByLabelText(/^Name/), 'escrowed');
      await user.click(next());
      await heading('Rotation');
      await user.click(next());
      await heading('Export');
      await user.click(screen.getByRole('switch', { name: 'Allow export of key material' }));
      const gate = await screen.findByRole('dialog', undefined, WAIT);
      await user.click(within(gate).getByRole('checkbox'));
      await user.type(within(gate).getByLabelText(/to confirm/), 'nl-01/escrowed');
      await user.click(within(gate).getByRole('button', { name: 'Allow export' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

      await user.click(screen.getByRole('button', { name: new RegExp(`^${step}`) }));
      await heading(step);
      if (what === 'key name') await user.type(screen.getByLabelText(/^Name/), '-2');
      else await user.click(screen.getByRole('radio', { name: 'ChaCha20-Poly1305' }));
      expect(
        await screen.findByText(new RegExp(`Export was turned off because the ${what} changed`)),
      ).toBeInTheDocument();

      for (const title of ['Details', 'Rotation', 'Export'].slice(what === 'key name' ? 1 : 0)) {
        await user.click(next());
        await heading(title);
      }
      expect(screen.getByRole('switch', { name: 'Allow export of key material' })).toHaveAttribute(
        'aria-checked',
        'false',
      );
    },
  );

  it('sends the mapped request once, returns to Details on 409 and succeeds after a rename', async () => {
    const user = userEvent.setup();
    let release: (() => void) | undefined;
    const answers = [
      new Promise<{ status: number; json: unknown }>((resolve) => {
        release = () =>
          resolve({
            status: 409,
            json: { message: 'A key with slug "payments" already exists in this scope and region' },
          });
      }),
      Promise.resolve({
        status: 201,
        json: makeKey({ identity: 'kms-abc123', name: 'payments-2' }),
      }),
    ];
    const { fetchImpl, posts } = stubApi({ createKey: () => answers.shift() ?? answers[0]! });
    renderWizard('/regions/nl-01/keys/new', fetchImpl);
    await toDetails(user);
    await user.type(screen.getByLabelText(/^Name/), 'payments');
    await user.type(screen.getByLabelText(/^Description/), 'invoices');
    await user.click(next());
    await heading('Rotation');
    await user.click(screen.getByRole('switch', { name: 'Rotate automatically' }));
    await user.click(screen.getByRole('button', { name: '90 days' }));
    await user.click(next());
    await heading('Export');
    await user.click(next());
    await heading('Review and create');

    const create = screen.getByRole('button', { name: 'Create key' });
    await user.click(create);
    await user.click(screen.getByRole('button', { name: 'Creating…' }));
    expect(screen.getByRole('status')).toHaveTextContent('Creating the key…');
    expect(posts()).toHaveLength(1);
    expect(posts()[0]?.body).toEqual({
      name: 'payments',
      keyType: 'aes256-gcm96',
      description: 'invoices',
      keyRotationEnabled: true,
      rotationPeriodInDays: 90,
      exportAllowed: false,
    });
    release?.();

    await heading('Details');
    const name = screen.getByLabelText(/^Name/);
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/already exists in this scope and region/)).toBeInTheDocument();
    expect(name).toHaveValue('payments');
    expect(screen.getByLabelText(/^Description/)).toHaveValue('invoices');

    await user.clear(name);
    await user.type(name, 'payments-2');
    await user.click(next());
    await heading('Rotation');
    expect(screen.getByLabelText('Rotation period (days)')).toHaveValue('90');
    await user.click(next());
    await user.click(next());
    await user.click(await screen.findByRole('button', { name: 'Create key' }, WAIT));
    expect(
      await screen.findByRole('heading', { name: 'Key page kms-abc123' }, WAIT),
    ).toBeInTheDocument();
    expect(posts()).toHaveLength(2);
    expect(posts()[1]?.body).toMatchObject({ name: 'payments-2' });
  });

  it('puts a 400 naming a field on that field', async () => {
    const user = userEvent.setup();
    const { fetchImpl } = stubApi({
      createKey: () => ({
        status: 400,
        json: { message: 'labels.team: label "team": Label value may hold only letters' },
      }),
    });
    renderWizard('/regions/nl-01/keys/new', fetchImpl);
    await toDetails(user);
    await user.type(screen.getByLabelText(/^Name/), 'x');
    for (const h of ['Rotation', 'Export', 'Review and create']) {
      await user.click(next());
      await heading(h);
    }
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    await heading('Details');
    expect(screen.getByText(/labels\.team: label "team"/)).toBeInTheDocument();
  });

  it('warns about a duplicate slug in this region and scope', async () => {
    const user = userEvent.setup();
    const { fetchImpl, requests } = stubApi({
      existing: [makeKey({ name: 'Payments', slug: 'payments' })],
    });
    renderWizard('/regions/nl-01/keys/new', fetchImpl);
    await toDetails(user);
    await user.type(screen.getByLabelText(/^Name/), 'PAYMENTS!');
    expect(
      await screen.findByText(/A key with the slug “payments” already exists/, undefined, WAIT),
    ).toBeInTheDocument();
    expect(requests.some((r) => r.path === '/v1/kms/nl-01/keys?slug=payments')).toBe(true);
  });

  it('applies the safe-text rule as you type, before blur or Next', async () => {
    const user = userEvent.setup();
    const { fetchImpl } = stubApi();
    renderWizard('/regions/nl-01/keys/new', fetchImpl);
    await toDetails(user);
    const name = screen.getByLabelText(/^Name/);
    await user.type(name, 'pay\u202Ements');
    expect(
      screen.getByText('Character 4 is a bidirectional override or isolate (U+202E)'),
    ).toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    await user.clear(name);
    await user.type(name, 'payments');
    expect(screen.queryByText(/Character \d+ is/)).toBeNull();

    // Descriptions may hold line breaks, not other control characters.
    const description = screen.getByLabelText(/^Description/);
    await user.type(description, 'one{Enter}two');
    expect(screen.queryByText(/Character \d+ is/)).toBeNull();
    await user.type(description, '\u0007');
    expect(screen.getByText('Character 8 is a control character (U+0007)')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add annotation' }));
    await user.type(screen.getByLabelText('Annotation 1 key'), 'note');
    await user.type(screen.getByLabelText('Annotation 1 value'), 'x\u2066y');
    expect(
      screen.getByText(/Annotation value: character 2 is a bidirectional/),
    ).toBeInTheDocument();
    await user.click(next());
    expect(screen.getByRole('heading', { name: 'Details', level: 2 })).toBeInTheDocument();
  });
});
