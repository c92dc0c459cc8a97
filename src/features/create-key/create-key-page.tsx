import { zodResolver } from '@hookform/resolvers/zod';
import { useNavigate } from '@tanstack/react-router';
import { Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { FormProvider, useForm, useWatch, type FieldErrors } from 'react-hook-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { RegionsCrumb } from '@/components/layout/regions-crumb';
import { useConnection } from '@/features/connection';
import { KeyListLink } from '@/features/keys';
import { useApiClient } from '@/lib/api-context';
import { AvailabilityNotice, useCannotCreate } from './components/availability-notice';
import { ExportRevokedNotice } from './components/export-revoked-notice';
import { LeaveGuard } from './components/leave-guard';
import { Stepper } from './components/stepper';
import { SubmitError } from './components/submit-error';
import type { CreateKeySearch, CreateKeyStep } from './create-key-search';
import {
  createKeyFormSchema,
  DEFAULT_FORM_VALUES,
  type CreateKeyFormValues,
  type KeyOrigin,
} from './form/form-schema';
import { PROJECT_INPUT_ID, visibleSteps } from './form/steps';
import { loadStep } from './step-chunks';
import { StepContent } from './step-content';
import { useCreateSubmit } from './use-create-submit';
import { useExportConsent } from './use-export-consent';
import { WizardFooter } from './components/wizard-footer';
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
  const form = useForm<CreateKeyFormValues>({
    resolver: zodResolver(createKeyFormSchema),
    defaultValues: DEFAULT_FORM_VALUES,
    mode: 'onTouched',
  });
  const origin = useWatch({ control: form.control, name: 'origin' });
  const exportConsent = useExportConsent(form, region);
  const steps = visibleSteps(origin);
  const [reached, setReached] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const lastStepRef = useRef<string | null>(null);

  const requested = search.step ?? 'type';
  const requestedIndex = steps.findIndex((s) => s.id === requested);
  const isReachable = requestedIndex !== -1 && requestedIndex <= reached;
  const index = isReachable ? requestedIndex : Math.min(reached, steps.length - 1);
  const step = steps[index] ?? steps[0]!;
  const isReview = step.id === 'review';

  // A step is shown once its code is here (see STEP_CHUNKS), never as a placeholder first.
  const goTo = useCallback(
    (target: CreateKeyStep, replace = false) =>
      void loadStep(target).then(() =>
        navigate({
          to: '/regions/$region/keys/new',
          params: { region },
          search: (prev) => ({ ...prev, step: target }),
          replace,
        }),
      ),
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

  const { create, submitError, isPending, isDone } = useCreateSubmit({
    form,
    region,
    origin,
    goTo,
  });

  // The scope shown on Details must be the scope the key is created in (see LocationFields).
  const [pendingScope, setPendingScope] = useState<string | null>(null);
  const [isScopeErrorShown, setIsScopeErrorShown] = useState(false);
  const isScopeBlocked = (shouldFocus = true) => {
    if (step.id !== 'details' || !pendingScope) return false;
    setIsScopeErrorShown(true);
    if (shouldFocus) document.getElementById(PROJECT_INPUT_ID)?.focus();
    return true;
  };

  const next = async () => {
    const ok = await form.trigger(step.fields, { shouldFocus: true });
    if (isScopeBlocked(ok) || !ok) return;
    const nextStep = steps[index + 1];
    if (!nextStep) return;
    setReached((r) => Math.max(r, index + 1));
    goTo(nextStep.id);
  };

  const onOriginChange = (_origin: KeyOrigin) => {
    // The list of steps changes: what follows must be walked through again.
    setReached(index);
  };

  const onInvalid = (errors: FieldErrors<CreateKeyFormValues>) => {
    const first = steps.find((s) => s.fields.some((f) => errors[f]));
    if (first) goTo(first.id);
  };

  const submit = () => void form.handleSubmit(create, onInvalid)();
  const preloadNext = () => {
    const following = steps[index + 1];
    if (following) void loadStep(following.id);
  };

  const apiUrl = connection?.baseUrl || window.location.origin;
  const isDirty = form.formState.isDirty;
  const shouldBlock = useCallback(() => isDirty && !isDone(), [isDirty, isDone]);
  const keyType = form.getValues('keyType');
  const cannotCreate = useCannotCreate(region);

  return (
    <div className={styles.page}>
      <PageHeader
        breadcrumbs={[
          <RegionsCrumb key="regions" />,
          <KeyListLink key="list" region={region} />,
          'New key',
        ]}
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
          onSelect={(s) => {
            const isForward = steps.findIndex((d) => d.id === s) > index;
            if (!isForward || !isScopeBlocked()) goTo(s);
          }}
        />
        <FormProvider {...form}>
          <Card isPadded={false}>
            <form
              // The next step's code starts loading as soon as this one is used.
              onPointerOver={preloadNext}
              onFocus={preloadNext}
              noValidate
              aria-labelledby="step-heading"
              onSubmit={(e) => {
                // Dialog forms (the export gate) are portaled but their React events bubble here.
                if (e.target !== e.currentTarget) return;
                e.preventDefault();
                if (isPending || (isReview && cannotCreate)) return;
                if (isReview) submit();
                else void next();
              }}
            >
              <div className={styles.cardHead}>
                <p className="small-caps">
                  Step {index + 1} of {steps.length}
                </p>
                <h2 id="step-heading" ref={headingRef} tabIndex={-1} className={styles.stepTitle}>
                  {step.title}
                </h2>
                <p className={styles.stepIntro}>{STEP_INTRO[step.id]}</p>
              </div>
              <div className={styles.cardBody}>
                {submitError && isReview ? null : <AvailabilityNotice region={region} />}
                {exportConsent.revokedReason ? (
                  <ExportRevokedNotice
                    reason={exportConsent.revokedReason}
                    onDismiss={exportConsent.dismiss}
                  />
                ) : null}
                {submitError && isReview ? (
                  <SubmitError
                    error={submitError}
                    region={region}
                    onRetry={submit}
                    onChangeRegion={() => goTo('details')}
                  />
                ) : null}
                <Suspense fallback={<StepSkeleton />}>
                  <StepContent
                    step={step.id}
                    region={region}
                    apiUrl={apiUrl}
                    onOriginChange={onOriginChange}
                    onEdit={(s) => goTo(s)}
                    exportConsent={exportConsent}
                    onRegionChange={(r) =>
                      void navigate({
                        to: '/regions/$region/keys/new',
                        params: { region: r },
                        search: (prev) => ({ ...prev, step: 'details' }),
                      })
                    }
                    onPendingScopeChange={setPendingScope}
                    scopeError={isScopeErrorShown ? (pendingScope ?? undefined) : undefined}
                    onProjectChange={(project) =>
                      void navigate({
                        to: '/regions/$region/keys/new',
                        params: { region },
                        search: (prev) => ({ ...prev, step: 'details', project }),
                      })
                    }
                  />
                </Suspense>
              </div>
              <WizardFooter
                region={region}
                isPending={isPending}
                isReview={isReview}
                keyType={keyType}
                cannotCreate={cannotCreate}
                onBack={index > 0 ? () => goTo(steps[index - 1]!.id) : undefined}
              />
            </form>
          </Card>
        </FormProvider>
      </div>
      <LeaveGuard shouldBlock={shouldBlock} />
    </div>
  );
}

/** Only while a step's code is still on its way (Next and the route wait for it first). */
function StepSkeleton() {
  return (
    <div className={styles.stepSkeleton} aria-busy="true" aria-label="Loading step">
      <Skeleton width="40%" height={16} />
      <Skeleton height={44} />
      <Skeleton height={44} />
      <Skeleton width="60%" height={44} />
    </div>
  );
}
