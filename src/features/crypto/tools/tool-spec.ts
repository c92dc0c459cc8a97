import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType, ReactNode } from 'react';
import { DEFAULT_HASH_ALGORITHM, KEY_TYPE_INFO, type HashAlgorithm, type Key } from '@/contract';
import type { CryptoTarget } from '../api/crypto-api';
import type { CallState } from '../api/use-crypto-call';
import { inspectionProblem, inspectThalassaString, type Inspection } from '../lib/inspect';
import {
  decodeInput,
  EMPTY_INPUT,
  inputLimitFor,
  inputProblem,
  type DecodedInput,
  type InputLimit,
  type InputValue,
} from '../lib/input';
import type { Handoff } from './types';

/** Everything a tool's form can hold; each tool shows the fields its spec names. */
export interface ToolFields {
  input: InputValue;
  /** A pasted thalassa:v<N>: ciphertext, signature or HMAC. */
  thalassa: string;
  /** '' = latest. */
  version: string;
  hash: HashAlgorithm;
  prehashed: boolean;
}

/** Where a call goes; the query client serves public data (public keys) only. */
export type ToolCallContext = CryptoTarget & { queryClient: QueryClient; cryptoKey: Key };

/** What the call receives once nothing blocks it. */
export interface ToolRequest {
  /** The data field as standard base64. */
  data: string;
  /** The pasted string, trimmed. */
  thalassa: string;
  /** `{ keyVersion }` when a version is chosen; nothing means "latest". */
  withVersion: { keyVersion?: string };
  /** Hash settings for RSA and ECDSA signatures; nothing for Ed25519. */
  withHash: { hashAlgorithm?: HashAlgorithm; prehashed?: boolean };
  fields: ToolFields;
  view: ToolView;
}

export interface ToolOutputProps<R> {
  state: CallState<R>;
  cryptoKey: Key;
  fields: ToolFields;
  view: ToolView;
  onHandoff: (handoff: Handoff) => void;
  onClear: () => void;
}

/** One crypto tool, declared: its labels, which fields it shows, its call and its output. */
export interface ToolSpec<R> {
  form: { label: string; submitLabel: string; pendingLabel: string };
  /** The data field and the limit that applies to it. */
  data?: { label: string; limit: 'encrypt' | 'sign' | 'verify' | 'hmac' | 'verify-hmac' };
  /** The thalassa:v<N>: field: its label, its noun in reasons, what the KMS does with it. */
  thalassa?: { label: string; noun: string; verb: 'decrypted' | 'verified' };
  options?: { version?: boolean; hash?: boolean };
  /** Extra facts under the fields (the inspector's table). */
  details?: (inspection: Inspection, cryptoKey: Key) => ReactNode;
  /** Fields stay usable on a non-active key (the inspector works offline). */
  worksOffline?: boolean;
  call: (context: ToolCallContext, request: ToolRequest) => Promise<R>;
  Output: ComponentType<ToolOutputProps<R>>;
}

/** Derived from the fields on every render: limits, decoded data, inspection, what blocks. */
export interface ToolView {
  data: { label: string; limit: InputLimit; decoded: DecodedInput } | null;
  inspection: Inspection;
  isPrehashed: boolean;
  /** Why the tool cannot run yet, or null. */
  problem: string | null;
}

export function initialFields(handoff: Handoff | null): ToolFields {
  return {
    input: handoff?.input ?? EMPTY_INPUT,
    thalassa: handoff?.thalassa ?? '',
    version: '',
    hash: handoff?.hashAlgorithm ?? DEFAULT_HASH_ALGORITHM,
    prehashed: handoff?.prehashed ?? false,
  };
}

export function deriveView<R>(spec: ToolSpec<R>, key: Key, fields: ToolFields): ToolView {
  const isPrehashed = fields.prehashed && KEY_TYPE_INFO[key.keyType].family !== 'ed25519';
  const data = spec.data && {
    label: isPrehashed ? 'Digest' : spec.data.label,
    limit: inputLimitFor(key.keyType, spec.data.limit, {
      prehashed: isPrehashed,
      hashAlgorithm: fields.hash,
    }),
    decoded: decodeInput(fields.input),
  };
  const inspection = inspectThalassaString(fields.thalassa, key, spec.thalassa?.verb);
  const problem =
    (data ? inputProblem(data.decoded, data.limit) : null) ??
    (spec.thalassa ? inspectionProblem(inspection, spec.thalassa.noun) : null);
  return { data: data ?? null, inspection, isPrehashed, problem };
}

/** The request to send, or null while something blocks it. */
export function toRequest(key: Key, fields: ToolFields, view: ToolView): ToolRequest | null {
  const data = view.data ? view.data.decoded.base64 : '';
  if (view.problem !== null || data === null) return null;
  const isEd25519 = KEY_TYPE_INFO[key.keyType].family === 'ed25519';
  return {
    data,
    thalassa: view.inspection.value,
    withVersion: fields.version ? { keyVersion: fields.version } : {},
    withHash: isEd25519 ? {} : { hashAlgorithm: fields.hash, prehashed: view.isPrehashed },
    fields,
    view,
  };
}
