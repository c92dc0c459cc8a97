import { useNavigate } from '@tanstack/react-router';
import { useCallback, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { KEY_TYPE_INFO } from '@/contract';
import { useToast } from '@/components/ui/toast';
import { useCreateKey } from '@/features/keys';
import { isApiError } from '@/lib/api-client';
import { useApiClient } from '@/lib/api-context';
import type { CreateKeyStep } from './create-key-search';
import type { CreateKeyFieldName, CreateKeyFormValues, KeyOrigin } from './form/form-schema';
import { mapFormToRequest } from './form/map-form-to-request';
import { fieldOfServerMessage } from './form/server-errors';
import { stepOfField } from './form/steps';

/** The form field that shows a server message about a request field, or null for none. */
function shownField(field: CreateKeyFieldName, origin: KeyOrigin): CreateKeyFieldName | null {
  if (field === 'keyRotationEnabled')
    return origin === 'imported' ? 'allowRotation' : 'rotationPeriodInDays';
  if (field === 'exportAllowed' || field === 'origin') return null;
  return field;
}

/**
 * Creates the key once (double submits are ignored), then opens it with a toast. 409 and 400s
 * naming a field go back to that field's step with every input kept; anything else is returned
 * as `submitError` for the region and scope it happened in.
 */
export function useCreateSubmit({
  form,
  region,
  origin,
  goTo,
}: {
  form: UseFormReturn<CreateKeyFormValues>;
  region: string;
  origin: KeyOrigin;
  goTo: (step: CreateKeyStep) => void;
}) {
  const client = useApiClient();
  const navigate = useNavigate();
  const toast = useToast();
  const createKey = useCreateKey(region);
  const [failure, setFailure] = useState<{ error: unknown; where: string } | null>(null);
  const where = `${region} ${client.scopeKey}`;
  const isSubmittingRef = useRef(false);
  const isDoneRef = useRef(false);

  const showFieldError = (field: CreateKeyFieldName, message: string): boolean => {
    const shown = shownField(field, origin);
    if (!shown) return false;
    form.setError(shown, { type: 'server', message });
    goTo(stepOfField(shown));
    return true;
  };

  const create = async (values: CreateKeyFormValues) => {
    if (isSubmittingRef.current) return;
    isSubmittingRef.current = true;
    setFailure(null);
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
        if (!field || !showFieldError(field, error.message)) setFailure({ error, where });
      } else {
        setFailure({ error, where });
      }
    } finally {
      isSubmittingRef.current = false;
    }
  };

  const isDone = useCallback(() => isDoneRef.current, []);
  return {
    create,
    /** The last failure, only while still in the region and scope it happened in. */
    submitError: failure?.where === where ? failure.error : null,
    isPending: createKey.isPending,
    /** True once the key exists: leaving is no longer a loss. */
    isDone,
  };
}
