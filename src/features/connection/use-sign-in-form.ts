import { useRef, useState, type ChangeEvent, type FormEvent, type RefObject } from 'react';
import { z } from 'zod';

/**
 * The sign-in form's state: three text fields validated with one schema. Small enough not to
 * need a form library (which would make the first page the console shows 16 kB heavier), and
 * it behaves as the console's other forms do: errors show on submit, the first field in error
 * takes focus, an error clears as its field is corrected, and nothing typed is lost on an error.
 */
export const signInSchema = z.object({
  baseUrl: z
    .string()
    .trim()
    .refine((v) => v === '' || /^https?:\/\/[^\s/]+/i.test(v), {
      message: 'Use an http:// or https:// address, or leave empty for this server',
    }),
  token: z.string().trim().min(1, 'Enter your API token'),
  organisation: z.string().trim().min(1, 'Enter the organisation identity or slug'),
});
export type SignInValues = z.infer<typeof signInSchema>;
export type SignInField = keyof SignInValues;
export type SignInErrors = Partial<Record<SignInField | 'root', string>>;

/** Focus order when several fields are in error: the order of the form. */
const FIELD_ORDER: readonly SignInField[] = ['organisation', 'token', 'baseUrl'];

function validate(values: SignInValues): SignInErrors {
  const result = signInSchema.safeParse(values);
  const errors: SignInErrors = {};
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && field in values)
      errors[field as SignInField] ??= issue.message;
  }
  return errors;
}

export interface SignInFieldProps {
  name: SignInField;
  value: string;
  ref: RefObject<HTMLInputElement | null>;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
}

export function useSignInForm(
  defaults: SignInValues,
  /** Called with the parsed (trimmed) values; may place an error for the person to fix. */
  submit: (
    values: SignInValues,
  ) => Promise<{ field: SignInField | 'root'; message: string } | void>,
) {
  const [values, setValues] = useState(defaults);
  const [errors, setErrors] = useState<SignInErrors>({});
  const [wasSubmitted, setWasSubmitted] = useState(false);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const organisation = useRef<HTMLInputElement>(null);
  const token = useRef<HTMLInputElement>(null);
  const baseUrl = useRef<HTMLInputElement>(null);
  const refs = { organisation, token, baseUrl };

  const field = (name: SignInField): SignInFieldProps => ({
    name,
    value: values[name],
    ref: refs[name],
    onChange: (event) => {
      const next = { ...values, [name]: event.target.value };
      setValues(next);
      if (!wasSubmitted) return;
      // After a submit, the changed field is checked again as it is typed.
      const message = validate(next)[name];
      setErrors(({ [name]: _old, ...rest }) => (message ? { ...rest, [name]: message } : rest));
    },
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (isSubmitting) return;
    setWasSubmitted(true);
    const found = validate(values);
    const first = FIELD_ORDER.find((name) => found[name]);
    if (first) {
      setErrors(found);
      refs[first].current?.focus();
      return;
    }
    setErrors({});
    setIsSubmitting(true);
    try {
      const placed = await submit(signInSchema.parse(values));
      if (placed) setErrors({ [placed.field]: placed.message });
    } finally {
      setIsSubmitting(false);
    }
  };

  return { field, errors, isSubmitting, onSubmit };
}
