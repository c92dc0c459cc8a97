import { zodResolver } from '@hookform/resolvers/zod';
import { Link, useNavigate } from '@tanstack/react-router';
import { ArrowLeft, ArrowRight, Loader2 } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { FormProvider, useForm, useWatch, type FieldErrors } from 'react-hook-form';
import { KEY_TYPE_INFO } from '@/contract';
import { Button, buttonClassName } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { useToast } from '@/components/ui/toast';
import { useConnection } from '@/features/connection';
import { useCreateKey } from '@/features/keys';
import { isApiError } from '@/lib/api-client';
import { useApiClient } from '@/lib/api-context';
import { LeaveGuard } from './components/leave-guard';
import { Stepper } from './components/stepper';
import { SubmitError } from './components/submit-error';
import type { CreateKeySearch, CreateKeyStep } from './create-key-search';
import {
  createKeyFormSchema,
  DEFAULT_FORM_VALUES,
  type CreateKeyFieldName,
  type CreateKeyFormValues,
  type KeyOrigin,
} from './form/form-schema';
import { mapFormToRequest } from './form/map-form-to-request';
import { fieldOfServerMessage } from './form/server-errors';
import { stepOfField, visibleSteps } from './form/steps';
import { isSlowToCreate } from './steps/key-type-guide';
import { StepContent } from './step-content';
import styles from './create-key-page.module.css';

const STEP_INTRO: Record<CreateKeyStep, string> = {
  type: 'Choose where the key material comes from and what the key is for.',
  details:
    'Name and describe the key, and decide where it lives. None of this can be edited later.',
  rotation:
    'Rotation adds new key versions on a schedule; old versions keep working for decryption.',
  export: 'Decide, once and for all, whether this key’s raw material may ever leave Thalassa KMS.',
  material:
    'Bring your own key: wrap it with the region’s wrapping key on your machine, then paste the result.',
  review: 'Check every choice. Highlighted ones are permanent.',
};

export function CreateKeyPage({ region, search }: { region: string; search: CreateKeySearch }) {
  const client = useApiClient();
  const connection = useConnection();
  const navigate = useNavigate();
  const toast = useToast();
  const createKey = useCreateKey(region);
  const form = useForm<CreateKeyFormValues>({
    resolver: zodResolver(createKeyFormSchema),
    defaultValues: DEFAULT_FORM_VALUES,
    mode: 'onTouched',
  });
  const origin = useWatch({ control: form.control, name: 'origin' });
  const steps = visibleSteps(origin);
  const [reached, setReached] = useState(0);
  // Kept with the region and scope it happened in: it says nothing about another one.
  const [failure, setFailure] = useState<{ error: unknown; where: string } | null>(null);
  const where = `${region} ${client.scopeKey}`;
  const submitError = failure?.where === where ? failure.error : null;
  const setSubmitError = (error: unknown) => setFailure(error ? { error, where } : null);
  const isSubmittingRef = useRef(false);
  const isDoneRef = useRef(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const lastStepRef = useRef<string | null>(null);

  const requested = search.step ?? 'type';
  const requestedIndex = steps.findIndex((s) => s.id === requested);
  const isReachable = requestedIndex !== -1 && requestedIndex <= reached;
  const index = isReachable ? requestedIndex : Math.min(reached, steps.length - 1);
  const step = steps[index] ?? steps[0]!;
  const isReview = step.id === 'review';
  const isPending = createKey.isPending;

  const goTo = useCallback(
    (target: CreateKeyStep, replace = false) =>
      void navigate({
        to: '/regions/$region/keys/new',
        params: { region },
        search: (prev) => ({ ...prev, step: target }),
        replace,
      }),
    [navigate, region],
  );

  // A deep link to a step not reached yet (or hidden for this origin) lands on the right one.
  useEffect(() => {
    if (!isReachable) goTo(step.id, true);
  }, [isReachable, goTo, step.id]);

  // Move focus to the step's heading when the step changes (not on first render).
  useEffect(() => {
    if (lastStepRef.current !== null && lastStepRef.current !== step.id)
      headingRef.current?.focus();
    lastStepRef.current = step.id;
  }, [step.id]);

  const next = async () => {
    const ok = await form.trigger(step.fields, { shouldFocus: true });
    if (!ok) return;
    const nextStep = steps[index + 1];
    if (!nextStep) return;
    setReached((r) => Math.max(r, index + 1));
    goTo(nextStep.id);
  };

  const onOriginChange = (_origin: KeyOrigin) => {
    // The list of steps changes: what follows must be walked through again.
    setReached(index);
  };

  /** Puts a server message on the field that shows it, on that field's step. */
  const showFieldError = (field: CreateKeyFieldName, message: string): boolean => {
    const shown: CreateKeyFieldName | null =
      field === 'keyRotationEnabled'
        ? origin === 'imported'
          ? 'allowRotation'
          : 'rotationPeriodInDays'
        : field === 'exportAllowed' || field === 'origin'
          ? null
          : field;
    if (!shown) return false;
    form.setError(shown, { type: 'server', message });
    goTo(stepOfField(shown));
    return true;
  };

  const create = async (values: CreateKeyFormValues) => {
    if (isSubmittingRef.current) return;
    isSubmittingRef.current = true;
    setSubmitError(null);
    try {
      const key = await createKey.mutateAsync(mapFormToRequest(values));
      isDoneRef.current = true;
      toast({
        tone: 'success',
        title: `Key “${key.name}” created`,
        description: `${KEY_TYPE_INFO[key.keyType].label} key ${key.identity} in ${region}.`,
      });
      void navigate({
        to: '/regions/$region/keys/$keyId',
        params: { region, keyId: key.identity },
      });
    } catch (error) {
      if (isApiError(error, 409)) {
        showFieldError(
          'name',
          `${error.message}. Slugs are unique per region and scope: choose another name.`,
        );
      } else if (isApiError(error, 400)) {
        const field = fieldOfServerMessage(error.message);
        if (!field || !showFieldError(field, error.message)) setSubmitError(error);
      } else {
        setSubmitError(error);
      }
    } finally {
      isSubmittingRef.current = false;
    }
  };

  const onInvalid = (errors: FieldErrors<CreateKeyFormValues>) => {
    const first = steps.find((s) => s.fields.some((f) => errors[f]));
    if (first) goTo(first.id);
  };

  const submit = () => void form.handleSubmit(create, onInvalid)();

  const apiUrl = connection?.baseUrl || window.location.origin;
  const isDirty = form.formState.isDirty;
  const shouldBlock = useCallback(() => isDirty && !isDoneRef.current, [isDirty]);
  const keyType = form.getValues('keyType');

  return (
    <div className={styles.page}>
      <PageHeader
        breadcrumbs={
          <>
            <Link to="/regions">Regions</Link>
            <span aria-hidden>/</span>
            <Link to="/regions/$region/keys" params={{ region }}>
              {region}
            </Link>
            <span aria-hidden>/</span>
            <span>New key</span>
          </>
        }
        title="Create a key"
        subtitle={
          <>
            In <strong>{region}</strong>,{' '}
            {client.project ? (
              <>
                project <strong>{client.project}</strong>
              </>
            ) : (
              <>
                organisation <strong>{client.organisation}</strong>
              </>
            )}
            . Type, name, labels and export can never be changed after creation.
          </>
        }
      />
      <div className={styles.layout}>
        <Stepper
          steps={steps}
          currentIndex={index}
          reachedIndex={reached}
          isLocked={isPending}
          onSelect={(s) => goTo(s)}
        />
        <FormProvider {...form}>
          <form
            className={styles.card}
            noValidate
            aria-labelledby="step-heading"
            onSubmit={(e) => {
              // Dialog forms (the export gate) are portaled but their React events bubble here.
              if (e.target !== e.currentTarget) return;
              e.preventDefault();
              if (isPending) return;
              if (isReview) submit();
              else void next();
            }}
          >
            <div className={styles.cardHead}>
              <p className={styles.stepCount}>
                Step {index + 1} of {steps.length}
              </p>
              <h2 id="step-heading" ref={headingRef} tabIndex={-1} className={styles.stepTitle}>
                {step.title}
              </h2>
              <p className={styles.stepIntro}>{STEP_INTRO[step.id]}</p>
            </div>
            <div className={styles.cardBody}>
              {submitError && isReview ? (
                <SubmitError
                  error={submitError}
                  region={region}
                  onRetry={submit}
                  onChangeRegion={() => goTo('details')}
                />
              ) : null}
              <StepContent
                step={step.id}
                region={region}
                apiUrl={apiUrl}
                onOriginChange={onOriginChange}
                onEdit={(s) => goTo(s)}
                onRegionChange={(r) =>
                  void navigate({
                    to: '/regions/$region/keys/new',
                    params: { region: r },
                    search: (prev) => ({ ...prev, step: 'details' }),
                  })
                }
                onProjectChange={(project) =>
                  void navigate({
                    to: '/regions/$region/keys/new',
                    params: { region },
                    search: (prev) => ({ ...prev, step: 'details', project }),
                  })
                }
              />
            </div>
            <div className={styles.footer}>
              <Link
                to="/regions/$region/keys"
                params={{ region }}
                className={buttonClassName({ variant: 'ghost' })}
              >
                Cancel
              </Link>
              <div className={styles.footerEnd}>
                {isPending ? (
                  <span className={styles.progress} role="status">
                    <Loader2 size={16} aria-hidden className={styles.spin} />
                    {keyType !== '' && isSlowToCreate(keyType)
                      ? `Generating ${KEY_TYPE_INFO[keyType].label} key material; this takes a few seconds…`
                      : 'Creating the key…'}
                  </span>
                ) : null}
                {index > 0 ? (
                  <Button onClick={() => goTo(steps[index - 1]!.id)} disabled={isPending}>
                    <ArrowLeft size={15} aria-hidden /> Back
                  </Button>
                ) : null}
                {isReview ? (
                  <Button
                    type="submit"
                    variant="primary"
                    disabled={isPending}
                    aria-busy={isPending}
                  >
                    {isPending ? 'Creating…' : 'Create key'}
                  </Button>
                ) : (
                  <Button type="submit" variant="primary">
                    Next <ArrowRight size={15} aria-hidden />
                  </Button>
                )}
              </div>
            </div>
          </form>
        </FormProvider>
      </div>
      <LeaveGuard shouldBlock={shouldBlock} />
    </div>
  );
}
