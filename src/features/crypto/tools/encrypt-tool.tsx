import { LockOpen } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { EncryptResponse } from '@/contract';
import { encrypt } from '../api/crypto-api';
import { useCryptoCall } from '../api/use-crypto-call';
import { DataInput } from '../components/data-input';
import { OutputBox } from '../components/output-box';
import { OptionsRow, ToolForm } from '../components/tool-parts';
import { VersionSelect } from '../components/version-select';
import {
  decodeInput,
  EMPTY_INPUT,
  inputLimitFor,
  inputProblem,
  type InputValue,
} from '../lib/input';
import type { ToolProps } from './types';

export function EncryptTool({ region, cryptoKey, disabledReason, initial, onHandoff }: ToolProps) {
  const { state, run, reset } = useCryptoCall<EncryptResponse>(region, cryptoKey.identity);
  const [input, setInput] = useState<InputValue>(initial?.input ?? EMPTY_INPUT);
  const [version, setVersion] = useState('');
  const limit = inputLimitFor(cryptoKey.keyType, 'encrypt');
  const decoded = decodeInput(input);
  const problem = inputProblem(decoded, limit);

  return (
    <>
      <ToolForm
        label="Encrypt"
        submitLabel="Encrypt"
        pendingLabel="Encrypting…"
        blockedReason={problem}
        isPending={state.status === 'pending'}
        isDisabled={disabledReason !== null}
        error={state.status === 'error' ? state.error : undefined}
        onSubmit={() => {
          if (decoded.base64 === null) return;
          const body = { plaintext: decoded.base64, ...(version ? { keyVersion: version } : {}) };
          void run((target) => encrypt(target, body));
        }}
      >
        <DataInput
          label="Plaintext"
          value={input}
          onChange={(v) => {
            setInput(v);
            reset();
          }}
          limit={limit}
        />
        <OptionsRow>
          <VersionSelect
            cryptoKey={cryptoKey}
            value={version}
            onChange={(v) => {
              setVersion(v);
              reset();
            }}
          />
        </OptionsRow>
      </ToolForm>
      {state.status === 'success' ? (
        <OutputBox
          label="Ciphertext"
          value={state.data.ciphertext}
          keyVersion={state.data.keyVersion}
          filename={`${cryptoKey.slug}-v${state.data.keyVersion}.ciphertext.txt`}
          actions={
            <Button
              size="small"
              onClick={() => onHandoff({ op: 'decrypt', thalassa: state.data.ciphertext })}
            >
              <LockOpen size={14} aria-hidden /> Decrypt this ciphertext
            </Button>
          }
        />
      ) : null}
    </>
  );
}
