import { ShieldCheck } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { HmacResponse } from '@/contract';
import { hmac } from '../api/crypto-api';
import { useCryptoCall } from '../api/use-crypto-call';
import { DataInput } from '../components/data-input';
import { HashOptions } from '../components/hash-options';
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

export function HmacTool({ region, cryptoKey, disabledReason, initial, onHandoff }: ToolProps) {
  const { state, run, reset } = useCryptoCall<HmacResponse>(region, cryptoKey.identity);
  const [input, setInput] = useState<InputValue>(initial?.input ?? EMPTY_INPUT);
  const [version, setVersion] = useState('');
  const limit = inputLimitFor(cryptoKey.keyType, 'hmac');
  const decoded = decodeInput(input);
  const problem = inputProblem(decoded, limit);

  return (
    <>
      <ToolForm
        label="HMAC"
        submitLabel="Compute HMAC"
        pendingLabel="Computing…"
        blockedReason={problem}
        isPending={state.status === 'pending'}
        isDisabled={disabledReason !== null}
        error={state.status === 'error' ? state.error : undefined}
        onSubmit={() => {
          if (decoded.base64 === null) return;
          const body = { input: decoded.base64, ...(version ? { keyVersion: version } : {}) };
          void run((target) => hmac(target, body));
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
        <OptionsRow>
          <VersionSelect
            cryptoKey={cryptoKey}
            value={version}
            onChange={(v) => {
              setVersion(v);
              reset();
            }}
          />
          <HashOptions
            keyType={cryptoKey.keyType}
            hashAlgorithm="sha2-256"
            onHashChange={() => undefined}
            prehashed={false}
            onPrehashedChange={() => undefined}
          />
        </OptionsRow>
      </ToolForm>
      {state.status === 'success' ? (
        <OutputBox
          label="HMAC"
          value={state.data.hmac}
          keyVersion={state.data.keyVersion}
          filename={`${cryptoKey.slug}-v${state.data.keyVersion}.hmac.txt`}
          actions={
            <Button
              size="small"
              onClick={() => onHandoff({ op: 'verify-hmac', input, thalassa: state.data.hmac })}
            >
              <ShieldCheck size={14} aria-hidden /> Verify this HMAC
            </Button>
          }
        />
      ) : null}
    </>
  );
}
