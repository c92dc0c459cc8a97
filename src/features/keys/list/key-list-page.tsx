import type { KeyListSearch } from './key-list-search';

// Placeholder: the key list is built in issue 4.
export function KeyListPage({ region }: { region: string; search: KeyListSearch }) {
  return <h1>Keys in {region}</h1>;
}
