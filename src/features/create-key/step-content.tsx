import { useFormContext } from 'react-hook-form';
import { useApiClient } from '@/lib/api-context';
import type { CreateKeyStep } from './create-key-search';
import { createKeyFormSchema, type CreateKeyFormValues, type KeyOrigin } from './form/form-schema';
import { mapFormToRequest } from './form/map-form-to-request';
import { chunkComponent } from '@/lib/lazy-chunk';
import { STEP_CHUNKS } from './step-chunks';
import type { LocationFieldsProps } from './steps/location-fields';
import { TypeStep } from './steps/type-step';

// The first step is drawn at once; the others come from their chunks (see STEP_CHUNKS).
const DetailsStep = chunkComponent(STEP_CHUNKS.details);
const RotationStep = chunkComponent(STEP_CHUNKS.rotation);
const ExportStep = chunkComponent(STEP_CHUNKS.export);
const MaterialStep = chunkComponent(STEP_CHUNKS.material);
const ReviewStep = chunkComponent(STEP_CHUNKS.review);

/** The current step's fields. */
export function StepContent({
  step,
  apiUrl,
  onOriginChange,
  onEdit,
  exportConsent,
  ...location
}: LocationFieldsProps & {
  step: CreateKeyStep;
  apiUrl: string;
  onOriginChange: (origin: KeyOrigin) => void;
  onEdit: (step: CreateKeyStep) => void;
  exportConsent: { phrase: string; allow: () => void };
}) {
  const { region } = location;
  const client = useApiClient();
  const { getValues } = useFormContext<CreateKeyFormValues>();
  switch (step) {
    case 'type':
      return <TypeStep onOriginChange={onOriginChange} />;
    case 'details':
      return <DetailsStep {...location} />;
    case 'rotation':
      return <RotationStep />;
    case 'export':
      return <ExportStep phrase={exportConsent.phrase} onAllow={exportConsent.allow} />;
    case 'material':
      return <MaterialStep region={region} apiUrl={apiUrl} />;
    case 'review': {
      const values = getValues();
      // Reached only through every step's Next; should a value no longer pass, say so.
      if (!createKeyFormSchema.safeParse(values).success) {
        return (
          <p role="alert">Some choices need attention. Press Create key to go to the first one.</p>
        );
      }
      return (
        <ReviewStep
          request={mapFormToRequest(values)}
          target={{ baseUrl: apiUrl, region, project: client.project }}
          organisation={client.organisation}
          onEdit={onEdit}
        />
      );
    }
  }
}
