// What other features use of the keys feature. The pages are not here: app's routes import
// them directly, so a feature using a query or a rule never pulls a page into its chunks.
export * from './api';
export { KeyListLink } from './list/key-list-link';
// For the command palette, find-elsewhere and the calendar: the list's search and the key rules.
export { CancelDeletionDialog } from './detail/cancel-deletion-dialog';
export { purgeDate, statusTitle } from './detail/key-rules';
export { indexKeys, nextRotationAt, queryTerms, type IndexedKey } from './list/key-list-model';
