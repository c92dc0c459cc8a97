import { describe, expect, it } from 'vitest';
import { createSignInCodes } from './sign-in-codes';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('sign-in codes', () => {
  it('are 128-bit base64url values, different every time', () => {
    const codes = createSignInCodes();
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const { code } = codes.issue('org-local');
      expect(code).toMatch(/^[A-Za-z0-9_-]{22}$/);
      seen.add(code);
    }
    expect(seen.size).toBe(50);
  });

  it('work once: the second redemption is refused as already used', () => {
    const codes = createSignInCodes();
    const { code } = codes.issue('org-local');
    expect(codes.redeem(code)).toEqual({ ok: true, organisation: 'org-local' });
    expect(codes.redeem(code)).toEqual({ ok: false, reason: 'used' });
  });

  it('expire after 10 minutes by default, or sooner when asked', () => {
    const time = clock();
    const codes = createSignInCodes({ now: time.now });
    const long = codes.issue('org-local');
    const short = codes.issue('org-local', 5);
    expect(long.expiresAt.getTime()).toBe(time.now() + 600_000);
    expect(short.expiresAt.getTime()).toBe(time.now() + 5_000);
    time.advance(5_000);
    expect(codes.redeem(short.code)).toEqual({ ok: false, reason: 'expired' });
    time.advance(595_000 - 1);
    expect(codes.redeem(long.code)).toEqual({ ok: true, organisation: 'org-local' });
    const late = codes.issue('org-local');
    time.advance(600_000);
    expect(codes.redeem(late.code)).toEqual({ ok: false, reason: 'expired' });
  });

  it('never live longer than 10 minutes, whatever is asked', () => {
    const time = clock();
    const codes = createSignInCodes({ now: time.now });
    const { expiresAt } = codes.issue('org-local', 86_400);
    expect(expiresAt.getTime() - time.now()).toBe(600_000);
  });

  it('refuse an unknown code, and forget old ones after an hour', () => {
    const time = clock();
    const codes = createSignInCodes({ now: time.now });
    expect(codes.redeem('AAAAAAAAAAAAAAAAAAAAAA')).toEqual({ ok: false, reason: 'unknown' });
    const { code } = codes.issue('org-local', 1);
    time.advance(1_000 + 60 * 60 * 1000 + 1);
    expect(codes.redeem(code)).toEqual({ ok: false, reason: 'unknown' });
  });

  it('lock redemption for a minute after 20 failures within a minute, valid codes included', () => {
    const time = clock();
    const codes = createSignInCodes({ now: time.now });
    const good = codes.issue('org-local');
    for (let i = 0; i < 19; i++) expect(codes.redeem(`guess${i}`).ok).toBe(false);
    time.advance(1_000);
    expect(codes.redeem('guess-last')).toEqual({ ok: false, reason: 'unknown' });
    expect(codes.redeem(good.code)).toEqual({ ok: false, reason: 'locked', retryAfterSeconds: 60 });
    time.advance(59_000);
    expect(codes.redeem(good.code)).toEqual({ ok: false, reason: 'locked', retryAfterSeconds: 1 });
    time.advance(1_000);
    // The lock did not use the code up.
    expect(codes.redeem(good.code)).toEqual({ ok: true, organisation: 'org-local' });
  });

  it('count only failures within the last minute', () => {
    const time = clock();
    const codes = createSignInCodes({ now: time.now });
    for (let i = 0; i < 19; i++) codes.redeem(`guess${i}`);
    time.advance(60_000);
    for (let i = 0; i < 19; i++) codes.redeem(`again${i}`);
    const { code } = codes.issue('org-local');
    expect(codes.redeem(code).ok).toBe(true);
  });

  it('keep a bounded number of codes, dropping the oldest', () => {
    const codes = createSignInCodes({ maxCodes: 3 });
    const first = codes.issue('org-local');
    const rest = [1, 2, 3].map(() => codes.issue('org-local'));
    expect(codes.redeem(first.code)).toEqual({ ok: false, reason: 'unknown' });
    for (const { code } of rest) expect(codes.redeem(code).ok).toBe(true);
  });
});
