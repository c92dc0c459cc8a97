import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWizard, stubApi } from './test/render-wizard';

const next = () => screen.getByRole('button', { name: /^Next/ });
/** Generous waits: under a loaded machine jsdom renders slowly (not a timing claim). */
const WAIT = { timeout: 5000 };
const heading = (name: string) => screen.findByRole('heading', { name, level: 2 }, WAIT);

describe('CreateKeyPage when the summary says keys cannot be created', { timeout: 30_000 }, () => {
  it('says so on step 1 and disables Create with the way forward', async () => {
    const user = userEvent.setup();
    const { fetchImpl, posts } = stubApi({ summary: { featureEnabled: false, regions: [] } });
    renderWizard('/regions/nl-01/keys/new', fetchImpl);
    await heading('Origin and type');
    expect(
      await screen.findByText('KMS is not enabled for organisation org-local.', undefined, WAIT),
    ).toBeInTheDocument();
    expect(screen.getByText(/until an organisation administrator enables/)).toBeInTheDocument();

    await user.click(next());
    await heading('Details');
    await user.type(screen.getByLabelText(/^Name/), 'payments');
    for (const h of ['Rotation', 'Export', 'Review and create']) {
      await user.click(next());
      await heading(h);
    }
    const create = screen.getByRole('button', { name: 'Create key' });
    expect(create).toBeDisabled();
    expect(create).toHaveAccessibleDescription(
      'Keys cannot be created here: see the notice above.',
    );
    expect(posts()).toHaveLength(0);
  });
});
