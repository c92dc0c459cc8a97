export * from './api';
export { KeyDetailPage } from './detail/key-detail-page';
export { KEY_DETAIL_TABS, keyDetailTabSchema, type KeyDetailTab } from './detail/key-detail-tabs';
export { KeyListPage } from './list/key-list-page';
export { keyListSearchSchema, type KeyListSearch } from './list/key-list-search';
export { KeyListLink } from './list/key-list-link';
// For the command palette, find-elsewhere and the calendar: the list's search and the key rules.
export { CancelDeletionDialog } from './detail/cancel-deletion-dialog';
export { purgeDate, statusTitle } from './detail/key-rules';
export { indexKeys, nextRotationAt, queryTerms, type IndexedKey } from './list/key-list-model';
