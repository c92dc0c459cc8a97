import { zodResolver } from '@hookform/resolvers/zod';
import { X } from 'lucide-react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { KEY_STATUSES, type KeyListFilters } from '@/contract';
import { Button } from '@/components/ui/button';
import { Field, Select, TextInput } from '@/components/ui/field';
import { statusTitle } from '../detail/key-rules';
import { formatLabelSelector, labelSelectorError, parseLabelSelector } from './key-list-search';
import styles from './key-list.module.css';

const lookupFormSchema = z
  .object({
    identity: z.string().trim(),
    name: z.string(),
    slug: z.string().trim(),
    status: z.union([z.enum(KEY_STATUSES), z.literal('')]),
    labels: z.string().superRefine((value, ctx) => {
      const error = labelSelectorError(value);
      if (error) ctx.addIssue({ code: 'custom', message: error });
    }),
  })
  .refine((v) => v.identity || v.name || v.slug || v.status || v.labels.trim(), {
    message: 'Fill in at least one field',
    path: ['identity'],
  });
type LookupForm = z.infer<typeof lookupFormSchema>;

function toForm(lookup: KeyListFilters): LookupForm {
  return {
    identity: lookup.identity ?? '',
    name: lookup.name ?? '',
    slug: lookup.slug ?? '',
    status: lookup.status ?? '',
    labels: formatLabelSelector(lookup.matchLabels) ?? '',
  };
}

export function toLookup(form: LookupForm): KeyListFilters {
  const lookup: KeyListFilters = {};
  if (form.identity) lookup.identity = form.identity;
  if (form.name) lookup.name = form.name;
  if (form.slug) lookup.slug = form.slug;
  if (form.status) lookup.status = form.status;
  const labels = parseLabelSelector(form.labels);
  if (Object.keys(labels).length) lookup.matchLabels = labels;
  return lookup;
}

/** The API's exact filters: whole-value matches the server applies (all ANDed). */
export function ExactLookupForm({
  lookup,
  onApply,
  onClose,
}: {
  lookup: KeyListFilters;
  onApply: (lookup: KeyListFilters) => void;
  onClose: () => void;
}) {
  const form = useForm<LookupForm>({
    resolver: zodResolver(lookupFormSchema),
    defaultValues: toForm(lookup),
  });
  const { errors } = form.formState;
  return (
    <section className={styles.lookup} aria-labelledby="exact-lookup-title">
      <form onSubmit={form.handleSubmit((v) => onApply(toLookup(v)))} noValidate>
        <div className={styles.lookupHead}>
          <div>
            <h2 id="exact-lookup-title">Exact lookup</h2>
            <p>
              Asks the API for keys whose fields equal these values exactly (all must match). Use it
              to find one key among many by its identity, name, slug or labels.
            </p>
          </div>
          <Button variant="ghost" isIconOnly aria-label="Close exact lookup" onClick={onClose}>
            <X size={16} aria-hidden />
          </Button>
        </div>
        <div className={styles.lookupGrid}>
          <Field label="Identity" error={errors.identity?.message}>
            <TextInput
              placeholder="kms-…"
              isMono
              autoComplete="off"
              spellCheck={false}
              {...form.register('identity')}
            />
          </Field>
          <Field label="Name">
            <TextInput autoComplete="off" {...form.register('name')} />
          </Field>
          <Field label="Slug">
            <TextInput isMono autoComplete="off" spellCheck={false} {...form.register('slug')} />
          </Field>
          <Field label="Status">
            <Select {...form.register('status')}>
              <option value="">Any</option>
              {KEY_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {statusTitle(s)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Labels" hint="key=value, comma-separated" error={errors.labels?.message}>
            <TextInput
              placeholder="env=prod,team=core"
              isMono
              autoComplete="off"
              spellCheck={false}
              {...form.register('labels')}
            />
          </Field>
        </div>
        <div className={styles.lookupActions}>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="primary">
            Look up
          </Button>
        </div>
      </form>
    </section>
  );
}
