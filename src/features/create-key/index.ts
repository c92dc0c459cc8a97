export { CreateKeyPage } from './create-key-page';
export { createKeySearchSchema, type CreateKeySearch } from './create-key-search';
