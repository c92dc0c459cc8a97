import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Key } from '@/contract';
import { useCryptoCall } from '../api/use-crypto-call';
import { deriveView, initialFields, toRequest, type ToolFields, type ToolSpec } from './tool-spec';
import type { Handoff } from './types';

/**
 * The state of one crypto tool: its fields (first filled from a hand-off), what they derive, and
 * its call. Any field change drops the result (and a call in flight), so an answer never
 * describes other inputs; the result lives only in this component's state.
 */
export function useCryptoTool<R>(
  spec: ToolSpec<R>,
  { region, cryptoKey, initial }: { region: string; cryptoKey: Key; initial: Handoff | null },
) {
  const queryClient = useQueryClient();
  const { state, run, reset } = useCryptoCall<R>(region, cryptoKey.identity);
  const [fields, setFields] = useState(() => initialFields(initial));
  const view = deriveView(spec, cryptoKey, fields);

  const set =
    <K extends keyof ToolFields>(name: K) =>
    (value: ToolFields[K]) => {
      setFields((prev) => ({ ...prev, [name]: value }));
      reset();
    };

  const submit = () => {
    const request = toRequest(cryptoKey, fields, view);
    if (request) void run((target) => spec.call({ ...target, queryClient, cryptoKey }, request));
  };

  return { state, fields, view, set, submit, reset };
}
