import type { CreateKeySearch } from './create-key-search';

// Placeholder: the create-key wizard is built in issue 6.
export function CreateKeyPage({ region }: { region: string; search: CreateKeySearch }) {
  return <h1>Create a key in {region}</h1>;
}
