export { CryptoPanel } from './crypto-panel';
export { cryptoSearchSchema, type CryptoSearch } from './crypto-search';
