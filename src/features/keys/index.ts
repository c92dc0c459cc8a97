export * from './api';
export { KeyDetailPage } from './detail/key-detail-page';
export { KEY_DETAIL_TABS, keyDetailTabSchema, type KeyDetailTab } from './detail/key-detail-tabs';
export { KeyListPage } from './list/key-list-page';
export { keyListSearchSchema, type KeyListSearch } from './list/key-list-search';
export { KeyListLink } from './list/key-list-link';
