import type { KeyRecord } from './rows';

/**
 * Key records of recently looked-up keys, by identity, so that a run of calls on one key reads
 * its row once instead of on every request (the lookup was a tenth of an encrypt's time).
 * Bounded (first cached leave first), memory only, frozen (a caller cannot change what the next
 * caller gets), and cleared for a key by every write that changes it (see key-writes.ts), like
 * the material cache. Records read inside a transaction are not cached: they may be rolled
 * back, or changed later in the same transaction.
 */
export function createKeyRecordCache(maxKeys = 1024) {
  const records = new Map<string, KeyRecord>();

  return {
    get(identity: string): KeyRecord | undefined {
      return records.get(identity);
    },

    set(record: KeyRecord): KeyRecord {
      if (records.size >= maxKeys) {
        const oldest = records.keys().next();
        if (!oldest.done) records.delete(oldest.value);
      }
      Object.freeze(record.labels);
      Object.freeze(record.annotations);
      const frozen = Object.freeze(record);
      records.set(record.identity, frozen);
      return frozen;
    },

    /** Forgets a key. */
    clear(identity: string): void {
      records.delete(identity);
    },
  };
}

export type KeyRecordCache = ReturnType<typeof createKeyRecordCache>;
