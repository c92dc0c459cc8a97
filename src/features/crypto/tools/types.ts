import type { HashAlgorithm, Key } from '@/contract';
import type { CryptoOperation } from '../crypto-search';
import type { InputValue } from '../lib/input';

/** Values carried from one tool to the next (e.g. encrypt → decrypt), in memory only. */
export interface Handoff {
  op: CryptoOperation;
  input?: InputValue;
  thalassa?: string;
  hashAlgorithm?: HashAlgorithm;
  prehashed?: boolean;
}

export interface ToolProps {
  region: string;
  cryptoKey: Key;
  /** Non-null when the key cannot do crypto: the tool is shown disabled. */
  disabledReason: string | null;
  initial: Handoff | null;
  /** Opens another tool with these values. */
  onHandoff: (handoff: Handoff) => void;
}
