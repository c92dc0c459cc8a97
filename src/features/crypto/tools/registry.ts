import type { ComponentType } from 'react';
import type { CryptoOperation } from '../crypto-search';
import { toolOf } from './crypto-tool';
import { InspectTool } from './inspect-tool';
import { decryptSpec, encryptSpec, hmacSpec, signSpec, verifyHmacSpec, verifySpec } from './specs';
import type { ToolProps } from './types';

/** The tool of each operation of the crypto tab. */
export const TOOLS: Record<CryptoOperation, ComponentType<ToolProps>> = {
  encrypt: toolOf(encryptSpec),
  decrypt: toolOf(decryptSpec),
  sign: toolOf(signSpec),
  verify: toolOf(verifySpec),
  hmac: toolOf(hmacSpec),
  'verify-hmac': toolOf(verifyHmacSpec),
  inspect: InspectTool,
};
