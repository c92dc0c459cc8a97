import { Plus, Trash2 } from 'lucide-react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { MAX_MAP_ENTRIES } from '@/contract';
import { Button } from '@/components/ui/button';
import { TextInput } from '@/components/ui/field';
import { filledRows, mapRowErrors, type CreateKeyFormValues } from '../form/form-schema';
import { ImmutableBadge } from './immutable-badge';
import styles from './map-editor.module.css';

/**
 * Rows of key = value for labels or annotations. Syntax is checked as you type with the
 * contract's rules; blank rows are ignored.
 */
export function MapEditor({ name }: { name: 'labels' | 'annotations' }) {
  const kind = name === 'labels' ? 'label' : 'annotation';
  const Kind = name === 'labels' ? 'Label' : 'Annotation';
  const { control, register, formState } = useFormContext<CreateKeyFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name });
  const rows = useWatch({ control, name }) ?? [];
  const live = mapRowErrors(rows, kind);
  const submitted = formState.errors[name];
  const listError = submitted?.root?.message ?? submitted?.message;
  const count = filledRows(rows).length;
  const isFull = fields.length >= MAX_MAP_ENTRIES;
  const headingId = `${name}-heading`;

  return (
    <section className={styles.editor} aria-labelledby={headingId}>
      <div className={styles.head}>
        <h3 id={headingId} className={styles.title}>
          {name === 'labels' ? 'Labels' : 'Annotations'}
        </h3>
        <ImmutableBadge />
        <span className={styles.count}>
          {count} / {MAX_MAP_ENTRIES}
        </span>
      </div>
      <p className={styles.help}>
        {name === 'labels'
          ? 'Key/value pairs to find and filter keys (for example team = payments). Keys may have a DNS prefix (example.com/tier); values are up to 63 letters, digits, ".", "_" or "-".'
          : 'Free-text notes for tools and people (for example owner contact or ticket). Keys follow label syntax; values are any text up to 4096 characters.'}
      </p>
      {fields.length > 0 ? (
        <div className={styles.rows} role="list">
          {fields.map((field, i) => {
            const rowErrors = {
              key: live[i]?.key ?? submitted?.[i]?.key?.message,
              value: live[i]?.value ?? submitted?.[i]?.value?.message,
            };
            const errorId = `${name}-${i}-error`;
            return (
              <div key={field.id} className={styles.row} role="listitem">
                <TextInput
                  {...register(`${name}.${i}.key`)}
                  aria-label={`${Kind} ${i + 1} key`}
                  aria-invalid={Boolean(rowErrors.key)}
                  aria-describedby={rowErrors.key || rowErrors.value ? errorId : undefined}
                  placeholder="key"
                  autoComplete="off"
                  spellCheck={false}
                  isMono
                />
                <span className={styles.eq} aria-hidden>
                  =
                </span>
                <TextInput
                  {...register(`${name}.${i}.value`)}
                  aria-label={`${Kind} ${i + 1} value`}
                  aria-invalid={Boolean(rowErrors.value)}
                  aria-describedby={rowErrors.key || rowErrors.value ? errorId : undefined}
                  placeholder={kind === 'label' ? 'value (may be empty)' : 'value'}
                  autoComplete="off"
                  spellCheck={false}
                  isMono
                />
                <Button
                  variant="ghost"
                  isIconOnly
                  aria-label={`Remove ${kind} ${i + 1}`}
                  title={`Remove ${kind}`}
                  onClick={() => remove(i)}
                >
                  <Trash2 size={15} aria-hidden />
                </Button>
                {rowErrors.key || rowErrors.value ? (
                  <div id={errorId} className={styles.errors} role="alert">
                    <span className={styles.error}>{rowErrors.key}</span>
                    <span />
                    <span className={styles.error}>{rowErrors.value}</span>
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      ) : null}
      {listError ? (
        <p className={styles.error} role="alert">
          {listError}
        </p>
      ) : null}
      <div>
        <Button
          size="small"
          onClick={() => append({ key: '', value: '' })}
          disabled={isFull}
          title={isFull ? `At most ${MAX_MAP_ENTRIES} ${kind}s` : undefined}
        >
          <Plus size={14} aria-hidden /> Add {kind}
        </Button>
      </div>
    </section>
  );
}
