import { z } from 'zod';
import { MULTI_LINE_TEXT, SINGLE_LINE_TEXT, unsafeTextError } from './safe-text';

/** Kubernetes-style qualified name part: <= 63 chars of [A-Za-z0-9._-], alphanumeric at both ends. */
const NAME_RE = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/;
/** DNS subdomain (RFC 1123), <= 253 chars. */
const DNS_SUBDOMAIN_RE = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;

export const MAX_MAP_ENTRIES = 64;
export const MAX_ANNOTATION_VALUE = 4096;

/** Why a label/annotation key is invalid, or null when it is valid. */
export function labelKeyError(key: string): string | null {
  if (key.length === 0) return 'Key must not be empty';
  const unsafe = unsafeTextError(key, SINGLE_LINE_TEXT);
  if (unsafe) return `Key: ${unsafe}`;
  const slash = key.lastIndexOf('/');
  let name = key;
  if (slash !== -1) {
    const prefix = key.slice(0, slash);
    name = key.slice(slash + 1);
    if (prefix.length === 0 || prefix.length > 253 || !DNS_SUBDOMAIN_RE.test(prefix)) {
      return 'Key prefix must be a DNS subdomain (lower-case letters, digits, "-" and ".") of at most 253 characters';
    }
  }
  if (name.length === 0) return 'Key name after "/" must not be empty';
  if (name.length > 63) return 'Key name must be at most 63 characters';
  if (!NAME_RE.test(name)) {
    return 'Key name may hold only letters, digits, ".", "_" and "-", and must start and end with a letter or digit';
  }
  return null;
}

/** Why a label value is invalid, or null when valid (empty is valid). */
export function labelValueError(value: string): string | null {
  if (value.length === 0) return null;
  const unsafe = unsafeTextError(value, SINGLE_LINE_TEXT);
  if (unsafe) return `Label value: ${unsafe}`;
  if (value.length > 63) return 'Label value must be at most 63 characters';
  if (!NAME_RE.test(value)) {
    return 'Label value may hold only letters, digits, ".", "_" and "-", and must start and end with a letter or digit';
  }
  return null;
}

/** Annotation values are free text (line breaks allowed) under the safe-text rule. */
export function annotationValueError(value: string): string | null {
  if (value.length > MAX_ANNOTATION_VALUE)
    return `Annotation value must be at most ${MAX_ANNOTATION_VALUE} characters`;
  const unsafe = unsafeTextError(value, MULTI_LINE_TEXT);
  return unsafe ? `Annotation value: ${unsafe}` : null;
}

function stringMapSchema(kind: 'label' | 'annotation') {
  const valueError = kind === 'label' ? labelValueError : annotationValueError;
  return z.record(z.string(), z.string()).superRefine((map, ctx) => {
    const keys = Object.keys(map);
    if (keys.length > MAX_MAP_ENTRIES) {
      ctx.addIssue({
        code: 'custom',
        message: `At most ${MAX_MAP_ENTRIES} ${kind}s are allowed (got ${keys.length})`,
      });
    }
    keys.forEach((key, index) => {
      // An unsafe key is named by its place, never echoed back.
      const unsafe = unsafeTextError(key, SINGLE_LINE_TEXT);
      if (unsafe) {
        ctx.addIssue({ code: 'custom', message: `key ${index + 1}: ${unsafe}` });
        return;
      }
      // The path (labels.<key>) names the value.
      const unsafeValue = unsafeTextError(
        map[key] ?? '',
        kind === 'annotation' ? MULTI_LINE_TEXT : SINGLE_LINE_TEXT,
      );
      if (unsafeValue) {
        ctx.addIssue({ code: 'custom', path: [key], message: unsafeValue });
        return;
      }
      const kErr = labelKeyError(key);
      if (kErr)
        ctx.addIssue({ code: 'custom', path: [key], message: `${kind} key "${key}": ${kErr}` });
      const vErr = valueError(map[key] ?? '');
      if (vErr) ctx.addIssue({ code: 'custom', path: [key], message: `${kind} "${key}": ${vErr}` });
    });
  });
}

export const labelsSchema = stringMapSchema('label');
export const annotationsSchema = stringMapSchema('annotation');
