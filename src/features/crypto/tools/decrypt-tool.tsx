import { useState, type ReactNode } from 'react';
import type { DecryptResponse } from '@/contract';
import { base64ToBytes } from '@/lib/encoding';
import { decrypt } from '../api/crypto-api';
import { useCryptoCall } from '../api/use-crypto-call';
import { PlaintextOutput } from '../components/plaintext-output';
import { ThalassaField } from '../components/thalassa-field';
import { ToolForm } from '../components/tool-parts';
import { inspectionProblem, inspectThalassaString, type Inspection } from '../lib/inspect';
import type { ToolProps } from './types';

export function DecryptTool({ region, cryptoKey, disabledReason, initial }: ToolProps) {
  return (
    <DecryptForm
      region={region}
      cryptoKey={cryptoKey}
      disabledReason={disabledReason}
      initialValue={initial?.thalassa ?? ''}
      label="Ciphertext"
    />
  );
}

/**
 * A ciphertext field, inspected as it is typed, with Decrypt and the plaintext output. A change
 * to the ciphertext drops the previous plaintext at once. Also the inspector's decrypt.
 */
export function DecryptForm({
  region,
  cryptoKey,
  disabledReason,
  initialValue,
  label,
  details,
}: Pick<ToolProps, 'region' | 'cryptoKey' | 'disabledReason'> & {
  initialValue: string;
  label: string;
  /** Extra facts under the field (the inspector's table). */
  details?: (inspection: Inspection) => ReactNode;
}) {
  const { state, run, reset } = useCryptoCall<DecryptResponse>(region, cryptoKey.identity);
  const [ciphertext, setCiphertext] = useState(initialValue);
  const inspection = inspectThalassaString(ciphertext, cryptoKey, 'decrypted');
  return (
    <>
      <ToolForm
        label="Decrypt"
        submitLabel="Decrypt"
        pendingLabel="Decrypting…"
        blockedReason={inspectionProblem(inspection, 'ciphertext')}
        isPending={state.status === 'pending'}
        isDisabled={disabledReason !== null}
        error={state.status === 'error' ? state.error : undefined}
        onSubmit={() => void run((target) => decrypt(target, { ciphertext: inspection.value }))}
        areFieldsEnabled={details !== undefined}
      >
        <ThalassaField
          label={label}
          value={ciphertext}
          onChange={(v) => {
            setCiphertext(v);
            reset();
          }}
          inspection={inspection}
        />
        {details?.(inspection)}
      </ToolForm>
      {state.status === 'success' ? (
        <PlaintextOutput
          bytes={base64ToBytes(state.data.plaintext)}
          keyVersion={state.data.keyVersion}
          filename={`${cryptoKey.slug}-v${state.data.keyVersion}.plaintext.bin`}
          onClear={reset}
        />
      ) : null}
    </>
  );
}
