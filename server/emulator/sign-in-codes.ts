import { createHash, randomBytes } from 'node:crypto';
import { SIGN_IN_CODE_TTL_SECONDS } from '../../src/contract/index';

/**
 * Single-use, short-lived sign-in codes, in memory only. A code is 128 random bits (base64url);
 * only its SHA-256 is kept. It works once, and only until it expires (10 minutes at most). Used
 * and expired codes are remembered until an hour after their expiry, so a refusal can say why.
 * Failed redemptions are counted: 20 within a minute lock redemption for a minute.
 */
export interface SignInCodeOptions {
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number;
  maxFailures?: number;
  failureWindowMs?: number;
  lockMs?: number;
  /** Outstanding codes kept at most (the oldest are dropped first). */
  maxCodes?: number;
}

export type RedeemResult =
  | { ok: true; organisation: string }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' }
  | { ok: false; reason: 'locked'; retryAfterSeconds: number };

export interface SignInCodes {
  issue(organisation: string, ttlSeconds?: number): { code: string; expiresAt: Date };
  redeem(code: string): RedeemResult;
}

interface Entry {
  organisation: string;
  expiresAt: number;
  used: boolean;
}

const REMEMBER_MS = 60 * 60 * 1000;
const hash = (code: string) => createHash('sha256').update(code, 'utf8').digest('hex');

export function createSignInCodes(options: SignInCodeOptions = {}): SignInCodes {
  const now = options.now ?? Date.now;
  const maxFailures = options.maxFailures ?? 20;
  const failureWindowMs = options.failureWindowMs ?? 60_000;
  const lockMs = options.lockMs ?? 60_000;
  const maxCodes = options.maxCodes ?? 1000;
  const entries = new Map<string, Entry>();
  let failures: number[] = [];
  let lockedUntil = 0;

  function prune(at: number): void {
    for (const [key, entry] of entries) {
      if (at > entry.expiresAt + REMEMBER_MS) entries.delete(key);
    }
    // Map order is insertion order: the oldest go first.
    for (const key of entries.keys()) {
      if (entries.size <= maxCodes) break;
      entries.delete(key);
    }
  }

  function fail(at: number, reason: 'unknown' | 'used' | 'expired'): RedeemResult {
    failures = failures.filter((t) => at - t < failureWindowMs);
    failures.push(at);
    if (failures.length >= maxFailures) {
      lockedUntil = at + lockMs;
      failures = [];
    }
    return { ok: false, reason };
  }

  return {
    issue(organisation, ttlSeconds = SIGN_IN_CODE_TTL_SECONDS) {
      const ttl = Math.min(Math.max(1, Math.floor(ttlSeconds)), SIGN_IN_CODE_TTL_SECONDS);
      const at = now();
      const code = randomBytes(16).toString('base64url');
      entries.set(hash(code), { organisation, expiresAt: at + ttl * 1000, used: false });
      prune(at);
      return { code, expiresAt: new Date(at + ttl * 1000) };
    },
    redeem(code) {
      const at = now();
      if (at < lockedUntil)
        return {
          ok: false,
          reason: 'locked',
          retryAfterSeconds: Math.ceil((lockedUntil - at) / 1000),
        };
      prune(at);
      const entry = entries.get(hash(code));
      if (!entry) return fail(at, 'unknown');
      if (entry.used) return fail(at, 'used');
      if (at >= entry.expiresAt) return fail(at, 'expired');
      entry.used = true;
      return { ok: true, organisation: entry.organisation };
    },
  };
}
