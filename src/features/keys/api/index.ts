export { keyKeys } from './query-keys';
export {
  isSameListScope,
  useKeyAuditSuspense,
  useKeyDetail,
  useKeyList,
  usePublicKey,
} from './hooks';
export { keyAuditQuery, keyDetailQuery, keyListQuery, publicKeyQuery } from './queries';
export {
  storeKey,
  useCancelDeletion,
  useCreateKey,
  useDisableKey,
  useEnableKey,
  useRotateKey,
  useScheduleDeletion,
  useUpdateRotation,
} from './mutations';
export { exportKeyMaterial } from './export';
