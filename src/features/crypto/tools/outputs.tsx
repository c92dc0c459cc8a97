import type { LucideIcon } from 'lucide-react';
import type { ComponentType } from 'react';
import { Button } from '@/components/ui/button';
import { base64ToBytes } from '@/lib/encoding';
import type { CallState } from '../api/use-crypto-call';
import { OutputBox } from '../components/output-box';
import { PlaintextOutput } from '../components/plaintext-output';
import { VerifyResults } from '../components/verify-results';
import type { BrowserVerdict } from '../lib/browser-verify';
import type { ToolFields, ToolOutputProps, ToolView } from './tool-spec';
import type { Handoff } from './types';

/** A result string (ciphertext, signature, HMAC) and the button that takes it to the next tool. */
export function stringOutput<R extends { keyVersion: string }>(
  label: string,
  pick: (result: R) => string,
  next: {
    text: string;
    Icon: LucideIcon;
    handoff: (value: string, fields: ToolFields, view: ToolView) => Handoff;
  },
): ComponentType<ToolOutputProps<R>> {
  return function StringOutput({ state, cryptoKey, fields, view, onHandoff }) {
    if (state.status !== 'success') return null;
    const { keyVersion } = state.data;
    const value = pick(state.data);
    return (
      <OutputBox
        label={label}
        value={value}
        keyVersion={keyVersion}
        filename={`${cryptoKey.slug}-v${keyVersion}.${label.toLowerCase()}.txt`}
        actions={
          <Button size="small" onClick={() => onHandoff(next.handoff(value, fields, view))}>
            <next.Icon size={14} aria-hidden /> {next.text}
          </Button>
        }
      />
    );
  };
}

/** Decrypted bytes: shown, never cached, cleared on request. */
export function PlaintextResult({
  state,
  cryptoKey,
  onClear,
}: ToolOutputProps<{ plaintext: string; keyVersion: string }>) {
  if (state.status !== 'success') return null;
  const { plaintext, keyVersion } = state.data;
  return (
    <PlaintextOutput
      bytes={base64ToBytes(plaintext)}
      keyVersion={keyVersion}
      filename={`${cryptoKey.slug}-v${keyVersion}.plaintext.bin`}
      onClear={onClear}
    />
  );
}

function kmsVerdict(state: CallState<{ valid: boolean }>) {
  if (state.status === 'success') return state.data.valid;
  return state.status === 'pending' ? 'pending' : null;
}

/** The KMS verdict on an HMAC. */
export function HmacVerdict({ state }: ToolOutputProps<{ valid: boolean }>) {
  return <VerifyResults what="HMAC" kms={kmsVerdict(state)} />;
}

/** The KMS verdict on a signature, and the browser's own check beside it. */
export function SignatureVerdict({
  state,
}: ToolOutputProps<{ valid: boolean; browser: BrowserVerdict }>) {
  return (
    <VerifyResults
      what="signature"
      kms={kmsVerdict(state)}
      browser={state.status === 'success' ? state.data.browser : 'pending'}
    />
  );
}
