export { keyKeys } from './query-keys';
export {
  isSameListScope,
  useKeyAuditSuspense,
  useKeyDetail,
  useKeyList,
  useUncheckedKeyList,
  usePublicKey,
} from './hooks';
export { keyAuditQuery, keyDetailQuery, keyListQuery, publicKeyQuery } from './queries';
export {
  runKeyAction,
  storeKey,
  storeKeys,
  useCancelDeletion,
  useCreateKey,
  useDisableKey,
  useEnableKey,
  useRotateKey,
  useScheduleDeletion,
  useUpdateRotation,
} from './mutations';
export type { KeyAction } from './mutations';
export { exportKeyMaterial } from './export';
