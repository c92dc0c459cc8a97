import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  DEFAULT_HASH_ALGORITHM,
  KEY_TYPE_INFO,
  type HashAlgorithm,
  type VerifyResponse,
} from '@/contract';
import { publicKeyQuery } from '@/features/keys';
import { useApiClient } from '@/lib/api-context';
import { verify } from '../api/crypto-api';
import { useCryptoCall } from '../api/use-crypto-call';
import { DataInput } from '../components/data-input';
import { HashOptions } from '../components/hash-options';
import { ThalassaField } from '../components/thalassa-field';
import { OptionsRow, ToolForm } from '../components/tool-parts';
import { VerifyResults } from '../components/verify-results';
import { verifyInBrowser, type BrowserVerdict } from '../lib/browser-verify';
import { inspectionProblem, inspectThalassaString } from '../lib/inspect';
import {
  decodeInput,
  EMPTY_INPUT,
  inputBytes,
  inputLimitFor,
  inputProblem,
  type InputValue,
} from '../lib/input';
import type { ToolProps } from './types';

/** The KMS answer and the browser's own check, kept together so one reset clears both. */
interface VerifyOutcome extends VerifyResponse {
  browser: BrowserVerdict;
}

export function VerifyTool({ region, cryptoKey, disabledReason, initial }: ToolProps) {
  const client = useApiClient();
  const { state, run, reset } = useCryptoCall<VerifyOutcome>(region, cryptoKey.identity);
  const publicKeys = useQuery(publicKeyQuery(client, region, cryptoKey.identity));
  const isEd25519 = KEY_TYPE_INFO[cryptoKey.keyType].family === 'ed25519';
  const [input, setInput] = useState<InputValue>(initial?.input ?? EMPTY_INPUT);
  const [signature, setSignature] = useState(initial?.thalassa ?? '');
  const [hash, setHash] = useState<HashAlgorithm>(initial?.hashAlgorithm ?? DEFAULT_HASH_ALGORITHM);
  const [prehashed, setPrehashed] = useState(initial?.prehashed ?? false);
  const isPrehashed = prehashed && !isEd25519;
  const limit = inputLimitFor(cryptoKey.keyType, 'verify', {
    prehashed: isPrehashed,
    hashAlgorithm: hash,
  });
  const decoded = decodeInput(input);
  const inspection = inspectThalassaString(signature, cryptoKey, 'verified');
  const problem = inputProblem(decoded, limit) ?? inspectionProblem(inspection, 'signature');
  const change =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      reset();
    };

  const checkInBrowser = async (): Promise<BrowserVerdict> => {
    const bytes = inputBytes(input);
    const version = inspection.version;
    const keys = publicKeys.data ?? (await publicKeys.refetch()).data;
    const publicKey = version !== null ? keys?.keys[String(version)] : undefined;
    if (!bytes || !publicKey) {
      return { status: 'error', detail: 'The public key of that version could not be loaded.' };
    }
    return verifyInBrowser({
      keyType: cryptoKey.keyType,
      publicKey,
      input: bytes,
      signature: inspection.value,
      hashAlgorithm: hash,
      prehashed: isPrehashed,
    });
  };

  return (
    <>
      <ToolForm
        label="Verify"
        submitLabel="Verify signature"
        pendingLabel="Verifying…"
        blockedReason={problem}
        isPending={state.status === 'pending'}
        isDisabled={disabledReason !== null}
        error={state.status === 'error' ? state.error : undefined}
        onSubmit={() => {
          if (decoded.base64 === null) return;
          const body = {
            input: decoded.base64,
            signature: inspection.value,
            ...(isEd25519 ? {} : { hashAlgorithm: hash, prehashed: isPrehashed }),
          };
          void run(async (target) => {
            const [kms, browser] = await Promise.all([
              verify(target, body),
              checkInBrowser().catch((): BrowserVerdict => ({
                status: 'error',
                detail: 'The browser check failed.',
              })),
            ]);
            return { valid: kms.valid, browser };
          });
        }}
      >
        <DataInput
          label={isPrehashed ? 'Digest' : 'Message'}
          value={input}
          onChange={change(setInput)}
          limit={limit}
        />
        <ThalassaField
          label="Signature"
          value={signature}
          onChange={change(setSignature)}
          inspection={inspection}
        />
        <OptionsRow>
          <HashOptions
            keyType={cryptoKey.keyType}
            hashAlgorithm={hash}
            onHashChange={change(setHash)}
            prehashed={prehashed}
            onPrehashedChange={change(setPrehashed)}
          />
        </OptionsRow>
      </ToolForm>
      <VerifyResults
        what="signature"
        kms={
          state.status === 'success'
            ? state.data.valid
            : state.status === 'pending'
              ? 'pending'
              : null
        }
        browser={state.status === 'success' ? state.data.browser : 'pending'}
      />
    </>
  );
}
