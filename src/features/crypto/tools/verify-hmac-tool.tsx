import { useState } from 'react';
import type { VerifyHmacResponse } from '@/contract';
import { verifyHmac } from '../api/crypto-api';
import { useCryptoCall } from '../api/use-crypto-call';
import { DataInput } from '../components/data-input';
import { ThalassaField } from '../components/thalassa-field';
import { ToolForm } from '../components/tool-parts';
import { VerifyResults } from '../components/verify-results';
import { inspectionProblem, inspectThalassaString } from '../lib/inspect';
import {
  decodeInput,
  EMPTY_INPUT,
  inputLimitFor,
  inputProblem,
  type InputValue,
} from '../lib/input';
import type { ToolProps } from './types';

export function VerifyHmacTool({ region, cryptoKey, disabledReason, initial }: ToolProps) {
  const { state, run, reset } = useCryptoCall<VerifyHmacResponse>(region, cryptoKey.identity);
  const [input, setInput] = useState<InputValue>(initial?.input ?? EMPTY_INPUT);
  const [mac, setMac] = useState(initial?.thalassa ?? '');
  const limit = inputLimitFor(cryptoKey.keyType, 'verify-hmac');
  const decoded = decodeInput(input);
  const inspection = inspectThalassaString(mac, cryptoKey, 'verified');
  const problem = inputProblem(decoded, limit) ?? inspectionProblem(inspection, 'HMAC');

  return (
    <>
      <ToolForm
        label="Verify HMAC"
        submitLabel="Verify HMAC"
        pendingLabel="Verifying…"
        blockedReason={problem}
        isPending={state.status === 'pending'}
        isDisabled={disabledReason !== null}
        error={state.status === 'error' ? state.error : undefined}
        onSubmit={() => {
          if (decoded.base64 === null) return;
          const body = { input: decoded.base64, hmac: inspection.value };
          void run((target) => verifyHmac(target, body));
        }}
      >
        <DataInput
          label="Message"
          value={input}
          onChange={(v) => {
            setInput(v);
            reset();
          }}
          limit={limit}
        />
        <ThalassaField
          label="HMAC"
          value={mac}
          onChange={(v) => {
            setMac(v);
            reset();
          }}
          inspection={inspection}
        />
      </ToolForm>
      <VerifyResults
        what="HMAC"
        kms={
          state.status === 'success'
            ? state.data.valid
            : state.status === 'pending'
              ? 'pending'
              : null
        }
      />
    </>
  );
}
