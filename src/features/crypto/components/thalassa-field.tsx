import { Field, TextArea } from '@/components/ui/field';
import type { Inspection } from '../lib/inspect';
import { InspectionView } from './inspection-view';

/** A pasted ciphertext / signature / HMAC, inspected as it is typed. */
export function ThalassaField({
  label,
  value,
  onChange,
  inspection,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  inspection: Inspection;
}) {
  const isBad = inspection.state === 'malformed' || inspection.state === 'unknown-version';
  return (
    <Field label={label}>
      <TextArea
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder="thalassa:v1:…"
        spellCheck={false}
        autoComplete="off"
        aria-invalid={isBad}
        rows={3}
        isMono
      />
      <InspectionView inspection={inspection} />
    </Field>
  );
}
