import { ShieldCheck } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import {
  DEFAULT_HASH_ALGORITHM,
  KEY_TYPE_INFO,
  type HashAlgorithm,
  type SignResponse,
} from '@/contract';
import { sign } from '../api/crypto-api';
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

export function SignTool({ region, cryptoKey, disabledReason, initial, onHandoff }: ToolProps) {
  const { state, run, reset } = useCryptoCall<SignResponse>(region, cryptoKey.identity);
  const isEd25519 = KEY_TYPE_INFO[cryptoKey.keyType].family === 'ed25519';
  const [input, setInput] = useState<InputValue>(initial?.input ?? EMPTY_INPUT);
  const [version, setVersion] = useState('');
  const [hash, setHash] = useState<HashAlgorithm>(initial?.hashAlgorithm ?? DEFAULT_HASH_ALGORITHM);
  const [prehashed, setPrehashed] = useState(initial?.prehashed ?? false);
  const isPrehashed = prehashed && !isEd25519;
  const limit = inputLimitFor(cryptoKey.keyType, 'sign', {
    prehashed: isPrehashed,
    hashAlgorithm: hash,
  });
  const decoded = decodeInput(input);
  const problem = inputProblem(decoded, limit);
  const change =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      reset();
    };

  return (
    <>
      <ToolForm
        label="Sign"
        submitLabel="Sign"
        pendingLabel="Signing…"
        blockedReason={problem}
        isPending={state.status === 'pending'}
        isDisabled={disabledReason !== null}
        error={state.status === 'error' ? state.error : undefined}
        onSubmit={() => {
          if (decoded.base64 === null) return;
          const body = {
            input: decoded.base64,
            ...(version ? { keyVersion: version } : {}),
            ...(isEd25519 ? {} : { hashAlgorithm: hash, prehashed: isPrehashed }),
          };
          void run((target) => sign(target, body));
        }}
      >
        <DataInput
          label={isPrehashed ? 'Digest' : 'Message'}
          value={input}
          onChange={change(setInput)}
          limit={limit}
        />
        <OptionsRow>
          <VersionSelect cryptoKey={cryptoKey} value={version} onChange={change(setVersion)} />
          <HashOptions
            keyType={cryptoKey.keyType}
            hashAlgorithm={hash}
            onHashChange={change(setHash)}
            prehashed={prehashed}
            onPrehashedChange={change(setPrehashed)}
          />
        </OptionsRow>
      </ToolForm>
      {state.status === 'success' ? (
        <OutputBox
          label="Signature"
          value={state.data.signature}
          keyVersion={state.data.keyVersion}
          filename={`${cryptoKey.slug}-v${state.data.keyVersion}.signature.txt`}
          actions={
            <Button
              size="small"
              onClick={() =>
                onHandoff({
                  op: 'verify',
                  input,
                  thalassa: state.data.signature,
                  hashAlgorithm: hash,
                  prehashed: isPrehashed,
                })
              }
            >
              <ShieldCheck size={14} aria-hidden /> Verify this signature
            </Button>
          }
        />
      ) : null}
    </>
  );
}
