import { describeError } from '@/components/errors/describe-error';

/** One line for an error shown in place: the specific title and the server's message. */
export function errorText(error: unknown): string | null {
  if (!error) return null;
  const d = describeError(error);
  return `${d.title}: ${d.detail}`;
}
