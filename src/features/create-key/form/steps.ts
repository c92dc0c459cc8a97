import type { CreateKeyStep } from '../create-key-search';
import type { CreateKeyFieldName, KeyOrigin } from './form-schema';

export interface StepDefinition {
  id: CreateKeyStep;
  title: string;
  /** One line under the title in the step list. */
  summary: string;
  /** The fields Next validates on this step. */
  fields: CreateKeyFieldName[];
}

export const STEP_DEFINITIONS: readonly StepDefinition[] = [
  {
    id: 'type',
    title: 'Origin and type',
    summary: 'Generated or imported; what the key does',
    fields: ['origin', 'keyType'],
  },
  {
    id: 'details',
    title: 'Details',
    summary: 'Name, description, labels, where it lives',
    fields: ['name', 'description', 'labels', 'annotations'],
  },
  {
    id: 'rotation',
    title: 'Rotation',
    summary: 'Automatic rotation schedule',
    fields: ['keyRotationEnabled', 'rotationPeriodInDays', 'allowRotation'],
  },
  {
    id: 'export',
    title: 'Export',
    summary: 'Whether material may ever leave',
    fields: ['exportAllowed'],
  },
  {
    id: 'material',
    title: 'Key material',
    summary: 'Wrap and paste your key (BYOK)',
    fields: ['hashFunction', 'importKeyMaterial'],
  },
  { id: 'review', title: 'Review and create', summary: 'Check every choice', fields: [] },
];

/** The steps shown for an origin: "Key material" only for imported keys. */
export function visibleSteps(origin: KeyOrigin): StepDefinition[] {
  return STEP_DEFINITIONS.filter((s) => s.id !== 'material' || origin === 'imported');
}

/** The step a field is edited on (to send the user back to a server error). */
export function stepOfField(field: CreateKeyFieldName): CreateKeyStep {
  return STEP_DEFINITIONS.find((s) => s.fields.includes(field))?.id ?? 'review';
}

/** The Details step's project input (the wizard focuses it when the scope blocks Next). */
export const PROJECT_INPUT_ID = 'create-key-project';
