import { keyListSearchSchema, type KeyListSearch } from './key-list-search';

/**
 * The key list's own search (filters, sort, lookup) last shown per region in this tab, so that
 * every "back to the list" link (breadcrumbs of the key page and the wizard) returns to the same
 * view. Only list fields are kept: the project scope travels in the URL on its own.
 */
const lastSearch = new Map<string, KeyListSearch>();

export function rememberListSearch(region: string, search: KeyListSearch): void {
  const parsed = keyListSearchSchema.safeParse(search);
  if (parsed.success) lastSearch.set(region, parsed.data);
}

export function listSearchFor(region: string): KeyListSearch {
  return lastSearch.get(region) ?? {};
}
