import type {
  DecryptRequest,
  EncryptRequest,
  HmacRequest,
  SignRequest,
  VerifyHmacRequest,
  VerifyRequest,
} from '@/contract';
import type { ApiClient } from '@/lib/api-client';

/**
 * The crypto calls. Plain async functions on purpose: plaintext, inputs and outputs never enter
 * the React Query cache (not even the mutation cache); callers keep results in component state.
 */
export interface CryptoTarget {
  client: ApiClient;
  region: string;
  id: string;
  signal?: AbortSignal;
}

export const encrypt = ({ client, region, id, signal }: CryptoTarget, body: EncryptRequest) =>
  client.call('encrypt', { region, id, body, signal });

export const decrypt = ({ client, region, id, signal }: CryptoTarget, body: DecryptRequest) =>
  client.call('decrypt', { region, id, body, signal });

export const sign = ({ client, region, id, signal }: CryptoTarget, body: SignRequest) =>
  client.call('sign', { region, id, body, signal });

export const verify = ({ client, region, id, signal }: CryptoTarget, body: VerifyRequest) =>
  client.call('verify', { region, id, body, signal });

export const hmac = ({ client, region, id, signal }: CryptoTarget, body: HmacRequest) =>
  client.call('hmac', { region, id, body, signal });

export const verifyHmac = ({ client, region, id, signal }: CryptoTarget, body: VerifyHmacRequest) =>
  client.call('verifyHmac', { region, id, body, signal });
