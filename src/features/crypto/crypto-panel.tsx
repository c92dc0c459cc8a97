import type { Key } from '@/contract';
import type { CryptoSearch } from './crypto-search';

// Placeholder: the crypto tools are built in issue 7.
export function CryptoPanel({
  cryptoKey,
}: {
  region: string;
  cryptoKey: Key;
  search: CryptoSearch;
}) {
  return <h2>Crypto tools for {cryptoKey.name}</h2>;
}
