export { useWrappingKey } from './hooks';
export { wrappingKeyKeys, wrappingKeyQuery } from './wrapping-key-query';
