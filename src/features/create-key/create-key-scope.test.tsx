import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { pendingScopeMessage } from './steps/location-fields';
import { renderWizard, stubApi } from './test/render-wizard';

const next = () => screen.getByRole('button', { name: /^Next/ });
/** Generous waits: under a loaded machine jsdom renders slowly (not a timing claim). */
const WAIT = { timeout: 5000 };
const heading = (name: string) => screen.findByRole('heading', { name, level: 2 }, WAIT);

describe('pendingScopeMessage', () => {
  it('is null only when the radio and the scope in use agree', () => {
    expect(pendingScopeMessage('organisation', 'proj-web', undefined)).toBeNull();
    expect(pendingScopeMessage('project', 'proj-web', 'proj-web')).toBeNull();
    expect(pendingScopeMessage('project', '', undefined)).toMatch(/Type a project/);
    expect(pendingScopeMessage('project', 'proj-web', undefined)).toMatch(
      /until then it would be created in organisation scope/,
    );
    expect(pendingScopeMessage('project', 'proj-b', 'proj-a')).toMatch(/in project proj-a/);
  });
});

describe('CreateKeyPage scope', { timeout: 30_000 }, () => {
  it('blocks Next while Project is chosen but the typed project is not in use', async () => {
    const user = userEvent.setup();
    const { fetchImpl } = stubApi();
    const { router } = renderWizard('/regions/nl-01/keys/new', fetchImpl);
    await heading('Origin and type');
    await user.click(next());
    await heading('Details');
    await user.type(screen.getByLabelText(/^Name/), 'payments');

    await user.click(screen.getByRole('radio', { name: 'Project' }));
    await user.click(next());
    expect(await screen.findByText(/Type a project and press Use project/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Details', level: 2 })).toBeInTheDocument();

    const project = screen.getByLabelText('Project identity');
    await user.type(project, 'proj-web');
    await user.click(next());
    expect(
      screen.getByText(
        'Press Use project to create the key in project proj-web; until then it would be created in organisation scope.',
      ),
    ).toBeInTheDocument();
    expect(project).toHaveFocus();
    expect(project).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('heading', { name: 'Details', level: 2 })).toBeInTheDocument();
    expect(router.state.location.search).toMatchObject({ step: 'details' });

    // Choosing Organisation makes the radio and the scope agree again: Next moves on.
    await user.click(screen.getByRole('radio', { name: /Organisation/ }));
    expect(screen.queryByText(/Press Use project/)).toBeNull();
    await user.click(next());
    await heading('Rotation');
  });

  it('"Use project" puts the typed project in the URL the wizard creates in', async () => {
    const user = userEvent.setup();
    const { fetchImpl } = stubApi();
    const { router } = renderWizard('/regions/nl-01/keys/new?step=type', fetchImpl);
    await heading('Origin and type');
    await user.click(next());
    await heading('Details');
    await user.click(screen.getByRole('radio', { name: 'Project' }));
    await user.type(screen.getByLabelText('Project identity'), 'proj-web');
    await user.click(screen.getByRole('button', { name: 'Use project' }));
    expect(router.state.location.search).toMatchObject({ project: 'proj-web', step: 'details' });
  });
});
