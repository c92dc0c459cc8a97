import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Field, FieldValue, Select, TextArea, TextInput } from './field';

describe('Field', () => {
  it('labels its control and describes it by the hint', () => {
    render(
      <Field label="Name" hint="Shown in the key list.">
        <TextInput />
      </Field>,
    );
    const input = screen.getByLabelText('Name');
    expect(input).toHaveAccessibleDescription('Shown in the key list.');
    expect(input).not.toHaveAttribute('aria-invalid');
  });

  it('adds the error to the description and marks the control invalid', () => {
    render(
      <Field label="Description" hint="Up to 255 characters." error="Too long.">
        <TextArea />
      </Field>,
    );
    const area = screen.getByLabelText('Description');
    expect(area).toHaveAttribute('aria-invalid', 'true');
    expect(area).toHaveAccessibleDescription('Up to 255 characters. Too long.');
    expect(screen.getByRole('alert')).toHaveTextContent('Too long.');
  });

  it('wires a control nested deeper in the field, keeping its own description and invalid state', () => {
    render(
      <>
        <p id="extra">Also this.</p>
        <Field label="Version" hint="Latest first.">
          <div>
            <Select aria-describedby="extra" aria-invalid={false}>
              <option>1</option>
            </Select>
          </div>
        </Field>
      </>,
    );
    const select = screen.getByLabelText('Version');
    expect(select).toHaveAccessibleDescription('Latest first. Also this.');
    expect(select).toHaveAttribute('aria-invalid', 'false');
  });

  it('uses the id it is given, so the control can be focused from elsewhere', () => {
    render(
      <Field label="Project" id="project-input">
        <TextInput />
      </Field>,
    );
    expect(screen.getByLabelText('Project')).toHaveAttribute('id', 'project-input');
  });

  it('gives a fixed value the id the label points to', () => {
    render(
      <Field label="Hash algorithm">
        <FieldValue>SHA-256</FieldValue>
      </Field>,
    );
    const label = screen.getByText('Hash algorithm');
    expect(screen.getByText('SHA-256')).toHaveAttribute('id', label.getAttribute('for'));
  });

  it('leaves a control outside a field as it is', () => {
    render(<TextInput aria-label="Search" />);
    const input = screen.getByRole('textbox', { name: 'Search' });
    expect(input).not.toHaveAttribute('id');
    expect(input).not.toHaveAttribute('aria-describedby');
    expect(input).not.toHaveAttribute('aria-invalid');
  });
});
