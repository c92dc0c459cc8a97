import { keyTypeSchema, type CreateKeyRequest } from '@/contract';
import { parseRotationPeriod } from '@/lib/rotation-period';
import { filledRows, normaliseBase64, type CreateKeyFormValues, type MapRow } from './form-schema';

function toRecord(rows: readonly MapRow[]): Record<string, string> | undefined {
  const filled = filledRows(rows);
  if (filled.length === 0) return undefined;
  return Object.fromEntries(filled.map((r) => [r.key, r.value]));
}

/**
 * The one place the wizard's form becomes a CreateKey request. Call it
 * with values the form schema accepted. Optional fields are left out when empty; the
 * irreversible booleans are always sent explicitly so the request says what it does.
 */
export function mapFormToRequest(values: CreateKeyFormValues): CreateKeyRequest {
  const request: CreateKeyRequest = {
    name: values.name.trim(),
    keyType: keyTypeSchema.parse(values.keyType),
  };
  const description = values.description.trim();
  if (description !== '') request.description = description;
  const labels = toRecord(values.labels);
  if (labels) request.labels = labels;
  const annotations = toRecord(values.annotations);
  if (annotations) request.annotations = annotations;
  request.keyRotationEnabled = values.keyRotationEnabled;
  const period = parseRotationPeriod(values.rotationPeriodInDays);
  if (values.keyRotationEnabled && period.ok) request.rotationPeriodInDays = period.days;
  request.exportAllowed = values.exportAllowed;
  if (values.origin === 'imported') {
    request.importKeyMaterial = normaliseBase64(values.importKeyMaterial);
    request.hashFunction = values.hashFunction;
    request.allowRotation = values.allowRotation;
  }
  return request;
}
