import { useEffect, useState } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { confirmationPhrase, slugify } from '@/contract';
import type { CreateKeyFormValues } from './form/form-schema';

/** The choices the export gate's consent was given for. */
interface ConsentedChoices {
  name: string;
  keyType: string;
  origin: string;
  region: string;
}

const CHOICE_WORDS: Record<keyof ConsentedChoices, string> = {
  name: 'key name',
  keyType: 'key type',
  origin: 'origin',
  region: 'region',
};

/** The first choice that differs from the consented ones, in words; null when none does. */
export function changedChoice(before: ConsentedChoices, now: ConsentedChoices): string | null {
  const field = (Object.keys(CHOICE_WORDS) as (keyof ConsentedChoices)[]).find(
    (k) => before[k] !== now[k],
  );
  return field ? CHOICE_WORDS[field] : null;
}

/**
 * Consent to allow export is given for one exact key: its name (typed as `region/slug`), type,
 * origin and region. Changing any of them afterwards turns export off again and keeps a
 * sentence saying why, until export is allowed again or the notice is dismissed.
 */
export function useExportConsent(form: UseFormReturn<CreateKeyFormValues>, region: string) {
  const [name, keyType, origin, isAllowed] = useWatch({
    control: form.control,
    name: ['name', 'keyType', 'origin', 'exportAllowed'],
  });
  const [consent, setConsent] = useState<ConsentedChoices | null>(null);
  const [revokedReason, setRevokedReason] = useState<string | null>(null);
  const current: ConsentedChoices = { name: name.trim(), keyType, origin, region };
  const changed = isAllowed && consent ? changedChoice(consent, current) : null;

  // A changed choice withdraws the consent (state adjusted while rendering, as React advises)...
  if (changed) {
    setConsent(null);
    setRevokedReason(
      `Export was turned off because the ${changed} changed after you allowed export. ` +
        'Consent is given for one exact key: turn export on again on the Export step if this key still needs it.',
    );
  }
  // ...and export is never on without a consent for the key as it is now.
  useEffect(() => {
    if (isAllowed && !consent) form.setValue('exportAllowed', false, { shouldDirty: true });
  }, [isAllowed, consent, form]);

  return {
    /** What the gate asks to type: the region and the slug the key will get. */
    phrase: confirmationPhrase(region, slugify(current.name)),
    revokedReason,
    allow: () => {
      form.setValue('exportAllowed', true, { shouldDirty: true });
      setConsent(current);
      setRevokedReason(null);
    },
    dismiss: () => setRevokedReason(null),
  };
}
