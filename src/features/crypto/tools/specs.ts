import { LockOpen, ShieldCheck } from 'lucide-react';
import type {
  DecryptResponse,
  EncryptResponse,
  HmacResponse,
  SignResponse,
  VerifyHmacResponse,
  VerifyResponse,
} from '@/contract';
import { publicKeyQuery } from '@/features/keys';
import { base64ToBytes } from '@/lib/encoding';
import { decrypt, encrypt, hmac, sign, verify, verifyHmac } from '../api/crypto-api';
import { verifyInBrowser, type BrowserVerdict } from '../lib/browser-verify';
import { HmacVerdict, PlaintextResult, SignatureVerdict, stringOutput } from './outputs';
import type { ToolCallContext, ToolRequest, ToolSpec } from './tool-spec';

export const encryptSpec: ToolSpec<EncryptResponse> = {
  form: { label: 'Encrypt', submitLabel: 'Encrypt', pendingLabel: 'Encrypting…' },
  data: { label: 'Plaintext', limit: 'encrypt' },
  options: { version: true },
  call: (target, r) => encrypt(target, { plaintext: r.data, ...r.withVersion }),
  Output: stringOutput('Ciphertext', (r: EncryptResponse) => r.ciphertext, {
    text: 'Decrypt this ciphertext',
    Icon: LockOpen,
    handoff: (thalassa) => ({ op: 'decrypt', thalassa }),
  }),
};

export const decryptSpec: ToolSpec<DecryptResponse> = {
  form: { label: 'Decrypt', submitLabel: 'Decrypt', pendingLabel: 'Decrypting…' },
  thalassa: { label: 'Ciphertext', noun: 'ciphertext', verb: 'decrypted' },
  call: (target, r) => decrypt(target, { ciphertext: r.thalassa }),
  Output: PlaintextResult,
};

export const signSpec: ToolSpec<SignResponse> = {
  form: { label: 'Sign', submitLabel: 'Sign', pendingLabel: 'Signing…' },
  data: { label: 'Message', limit: 'sign' },
  options: { version: true, hash: true },
  call: (target, r) => sign(target, { input: r.data, ...r.withVersion, ...r.withHash }),
  Output: stringOutput('Signature', (r: SignResponse) => r.signature, {
    text: 'Verify this signature',
    Icon: ShieldCheck,
    handoff: (thalassa, fields, view) => ({
      op: 'verify',
      input: fields.input,
      thalassa,
      hashAlgorithm: fields.hash,
      prehashed: view.isPrehashed,
    }),
  }),
};

/** The browser's own check of a signature, against the public key of the version that made it. */
async function checkInBrowser(ctx: ToolCallContext, r: ToolRequest): Promise<BrowserVerdict> {
  const { client, region, id, queryClient, cryptoKey } = ctx;
  const version = r.view.inspection.version;
  const keys = await queryClient
    .fetchQuery(publicKeyQuery(client, region, id))
    .catch(() => undefined);
  const publicKey = version !== null ? keys?.keys[String(version)] : undefined;
  if (!publicKey) {
    return { status: 'error', detail: 'The public key of that version could not be loaded.' };
  }
  return verifyInBrowser({
    keyType: cryptoKey.keyType,
    publicKey,
    input: base64ToBytes(r.data),
    signature: r.thalassa,
    hashAlgorithm: r.fields.hash,
    prehashed: r.view.isPrehashed,
  });
}

export const verifySpec: ToolSpec<VerifyResponse & { browser: BrowserVerdict }> = {
  form: { label: 'Verify', submitLabel: 'Verify signature', pendingLabel: 'Verifying…' },
  data: { label: 'Message', limit: 'verify' },
  thalassa: { label: 'Signature', noun: 'signature', verb: 'verified' },
  options: { hash: true },
  call: async (ctx, r) => {
    const [kms, browser] = await Promise.all([
      verify(ctx, { input: r.data, signature: r.thalassa, ...r.withHash }),
      checkInBrowser(ctx, r).catch((): BrowserVerdict => ({
        status: 'error',
        detail: 'The browser check failed.',
      })),
    ]);
    return { valid: kms.valid, browser };
  },
  Output: SignatureVerdict,
};

export const hmacSpec: ToolSpec<HmacResponse> = {
  form: { label: 'HMAC', submitLabel: 'Compute HMAC', pendingLabel: 'Computing…' },
  data: { label: 'Message', limit: 'hmac' },
  options: { version: true, hash: true },
  call: (target, r) => hmac(target, { input: r.data, ...r.withVersion }),
  Output: stringOutput('HMAC', (r: HmacResponse) => r.hmac, {
    text: 'Verify this HMAC',
    Icon: ShieldCheck,
    handoff: (thalassa, fields) => ({ op: 'verify-hmac', input: fields.input, thalassa }),
  }),
};

export const verifyHmacSpec: ToolSpec<VerifyHmacResponse> = {
  form: { label: 'Verify HMAC', submitLabel: 'Verify HMAC', pendingLabel: 'Verifying…' },
  data: { label: 'Message', limit: 'verify-hmac' },
  thalassa: { label: 'HMAC', noun: 'HMAC', verb: 'verified' },
  call: (target, r) => verifyHmac(target, { input: r.data, hmac: r.thalassa }),
  Output: HmacVerdict,
};
