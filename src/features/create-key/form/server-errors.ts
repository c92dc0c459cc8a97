import type { CreateKeyFieldName } from './form-schema';

/** Request fields (as the API names them) and the form field that edits each. */
const FIELD_BY_REQUEST_NAME: Readonly<Record<string, CreateKeyFieldName>> = {
  name: 'name',
  keyType: 'keyType',
  description: 'description',
  labels: 'labels',
  annotations: 'annotations',
  keyRotationEnabled: 'keyRotationEnabled',
  rotationPeriodInDays: 'rotationPeriodInDays',
  exportAllowed: 'exportAllowed',
  importKeyMaterial: 'importKeyMaterial',
  hashFunction: 'hashFunction',
  allowRotation: 'allowRotation',
};

/** Phrases that name a field in messages without a `field:` prefix. */
const FIELD_BY_PHRASE: readonly [RegExp, CreateKeyFieldName][] = [
  [/\bkey material\b|\bunwrap|\bwrapping key\b/i, 'importKeyMaterial'],
  [/\brotation period\b/i, 'rotationPeriodInDays'],
  [/\bslug\b|\bname\b/i, 'name'],
  [/\bdescription\b/i, 'description'],
  [/\blabel/i, 'labels'],
  [/\bannotation/i, 'annotations'],
  [/\bkey ?type\b/i, 'keyType'],
  [/\bhash ?function\b/i, 'hashFunction'],
];

/**
 * Which form field a server 400 message is about, from its text: the emulator and the API
 * start messages with the field path ("labels.team: …", "importKeyMaterial does not unwrap…");
 * otherwise a known phrase. Null when the message names no field (show it above the form).
 */
export function fieldOfServerMessage(message: string): CreateKeyFieldName | null {
  const lead = /^\s*([A-Za-z]+)(?:[.[:\s]|$)/.exec(message);
  const byName = lead?.[1] ? FIELD_BY_REQUEST_NAME[lead[1]] : undefined;
  if (byName) return byName;
  for (const [re, field] of FIELD_BY_PHRASE) if (re.test(message)) return field;
  return null;
}
