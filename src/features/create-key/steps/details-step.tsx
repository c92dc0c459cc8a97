import { useFormContext, useWatch } from 'react-hook-form';
import {
  MAX_DESCRIPTION_LENGTH,
  MULTI_LINE_TEXT,
  SINGLE_LINE_TEXT,
  slugify,
  unsafeTextError,
  type SafeTextOptions,
} from '@/contract';
import { Field, TextArea, TextInput } from '@/components/ui/field';
import { ImmutableBadge } from '../components/immutable-badge';
import { MapEditor } from '../components/map-editor';
import type { CreateKeyFormValues } from '../form/form-schema';
import { DuplicateWarning } from './duplicate-warning';
import { LocationFields, type LocationFieldsProps } from './location-fields';
import styles from './steps.module.css';

/** The contract's safe-text rule, checked as you type (not only on blur or Next). */
const liveUnsafeText = (text: string, options: SafeTextOptions) =>
  unsafeTextError(text, options) ?? undefined;

/** "character 4 is ..." from the contract, as a sentence under the field. */
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Where the key lives, then its name, description, labels and annotations. */
export function DetailsStep(location: LocationFieldsProps) {
  const { control, register, formState } = useFormContext<CreateKeyFormValues>();
  const name = useWatch({ control, name: 'name' });
  const description = useWatch({ control, name: 'description' });
  const slug = slugify(name.trim());
  const { errors } = formState;
  const nameError = liveUnsafeText(name, SINGLE_LINE_TEXT) ?? errors.name?.message;
  const descriptionError =
    liveUnsafeText(description, MULTI_LINE_TEXT) ?? errors.description?.message;

  return (
    <div className={styles.stack}>
      <LocationFields {...location} />

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
          error={nameError ? sentence(nameError) : undefined}
        >
          <TextInput
            {...register('name')}
            autoComplete="off"
            spellCheck={false}
            placeholder="e.g. payments-data-key"
          />
        </Field>
        <DuplicateWarning region={location.region} slug={slug} />

        <Field
          label={
            <>
              Description <span className={styles.optional}>optional</span> <ImmutableBadge />
            </>
          }
          hint={`${description.length} / ${MAX_DESCRIPTION_LENGTH} characters. What the key protects and who owns it.`}
          error={descriptionError ? sentence(descriptionError) : undefined}
        >
          <TextArea {...register('description')} rows={3} />
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
