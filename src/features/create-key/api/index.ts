export { wrappingKeyKeys, wrappingKeyQuery } from './wrapping-key-query';
