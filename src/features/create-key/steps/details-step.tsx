import { useFormContext, useWatch } from 'react-hook-form';
import { MAX_DESCRIPTION_LENGTH, slugify } from '@/contract';
import { Field, TextArea, TextInput } from '@/components/ui/field';
import { ImmutableBadge } from '../components/immutable-badge';
import { MapEditor } from '../components/map-editor';
import type { CreateKeyFormValues } from '../form/form-schema';
import { DuplicateWarning } from './duplicate-warning';
import { LocationFields } from './location-fields';
import styles from './steps.module.css';

export function DetailsStep({
  region,
  onRegionChange,
  onProjectChange,
}: {
  region: string;
  onRegionChange: (region: string) => void;
  onProjectChange: (project: string | undefined) => void;
}) {
  const { control, register, formState } = useFormContext<CreateKeyFormValues>();
  const name = useWatch({ control, name: 'name' });
  const description = useWatch({ control, name: 'description' });
  const slug = slugify(name.trim());
  const { errors } = formState;

  return (
    <div className={styles.stack}>
      <LocationFields
        region={region}
        onRegionChange={onRegionChange}
        onProjectChange={onProjectChange}
      />

      <div className={styles.section}>
        <Field
          label={
            <>
              Name <ImmutableBadge />
            </>
          }
          hint={
            <>
              1 to 255 characters. Slug (used in URLs and the API):{' '}
              <code className={styles.slug} data-testid="slug-preview">
                {slug || '—'}
              </code>
            </>
          }
          error={errors.name?.message}
        >
          {({ id, describedBy, isInvalid }) => (
            <TextInput
              id={id}
              {...register('name')}
              aria-describedby={describedBy}
              aria-invalid={isInvalid}
              autoComplete="off"
              spellCheck={false}
              placeholder="e.g. payments-data-key"
            />
          )}
        </Field>
        <DuplicateWarning region={region} slug={slug} />

        <Field
          label={
            <>
              Description <span className={styles.optional}>optional</span> <ImmutableBadge />
            </>
          }
          hint={`${description.length} / ${MAX_DESCRIPTION_LENGTH} characters. What the key protects and who owns it.`}
          error={errors.description?.message}
        >
          {({ id, describedBy, isInvalid }) => (
            <TextArea
              id={id}
              {...register('description')}
              aria-describedby={describedBy}
              aria-invalid={isInvalid}
              rows={3}
            />
          )}
        </Field>
      </div>

      <div className={styles.section}>
        <MapEditor name="labels" />
      </div>
      <div className={styles.section}>
        <MapEditor name="annotations" />
      </div>
    </div>
  );
}
