import { useSyncExternalStore } from 'react';
import { connectionStore, type StoredConnection } from './connection-store';

/** The signed-in connection, or null. Re-renders on sign-in and sign-out. */
export function useConnection(): StoredConnection | null {
  return useSyncExternalStore(connectionStore.subscribe, connectionStore.get, connectionStore.get);
}
