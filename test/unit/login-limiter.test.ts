// The login limiter on its own: attempts serialized per account, counted before their check, delays that double,
// keys that do not hold each other back.
import { describe, expect, it } from 'vitest';
import { LOGIN_RULES, MAX_DELAY_MS, createLoginLimiter, delayAfter } from '../../server/security/login-limiter.ts';

function setup() {
  const clock = { now: 0 };
  const limiter = createLoginLimiter(() => clock.now);
  let running = 0;
  const seen = { checks: 0, maxParallel: 0 };
  /** A password check that takes a few milliseconds, as scrypt does, and reports how many ran at once. */
  const check = (right: boolean) => async () => {
    seen.checks++;
    seen.maxParallel = Math.max(seen.maxParallel, ++running);
    await new Promise((resolve) => setTimeout(resolve, 2));
    running--;
    return right;
  };
  return { clock, limiter, seen, check };
}

describe('login limiter', () => {
  it('runs parallel attempts on one account one after the other, so 30 wrong guesses are 5 checks', async () => {
    const { limiter, seen, check } = setup();
    const outcomes = await Promise.all(Array.from({ length: 30 }, () => limiter.attempt('203.0.113.1', 'admin@labo.test', check(false))));
    expect(seen).toEqual({ checks: LOGIN_RULES.pair.free, maxParallel: 1 });
    expect(outcomes.filter((o) => o.refused)).toHaveLength(30 - LOGIN_RULES.pair.free);
  });

  it('counts an attempt before its check: parallel guesses at many accounts from one address stop at its cap', async () => {
    const { limiter, seen, check } = setup();
    const accounts = Array.from({ length: 150 }, (_, i) => `compte-${i}@pole.test`);
    await Promise.all(accounts.map((account) => limiter.attempt('203.0.113.1', account, check(false))));
    expect(seen.checks).toBe(LOGIN_RULES.address.free);
    // Another address is not concerned.
    expect(await limiter.attempt('203.0.113.2', accounts[0], check(true))).toEqual({ refused: false, ok: true });
  });

  it('asks each failure past the free ones to wait twice as long as the one before, up to 15 minutes', () => {
    const rule = LOGIN_RULES.pair;
    expect([rule.free - 1, rule.free, rule.free + 1, rule.free + 2, rule.free + 40].map((n) => delayAfter(n, rule))).toEqual([0, 1_000, 2_000, 4_000, MAX_DELAY_MS]);
  });

  it('lets the right password in once the delay has passed, and wipes the account’s slate', async () => {
    const { clock, limiter, check } = setup();
    for (let i = 0; i < LOGIN_RULES.pair.free; i++) await limiter.attempt('a', 'admin', check(false));
    expect(await limiter.attempt('a', 'admin', check(true))).toEqual({ refused: true, retryAfterMs: 1_000 });
    clock.now += 999;
    expect(await limiter.attempt('a', 'admin', check(true))).toEqual({ refused: true, retryAfterMs: 1 });
    clock.now += 1;
    expect(await limiter.attempt('a', 'admin', check(true))).toEqual({ refused: false, ok: true });
    for (let i = 0; i < LOGIN_RULES.pair.free; i++) expect((await limiter.attempt('a', 'admin', check(false))).refused).toBe(false);
  });

  it('keeps accounts behind one address apart: one account’s failures do not delay another’s owner', async () => {
    const { clock, limiter, check } = setup();
    for (let i = 0; i < 20; i++) {
      const outcome = await limiter.attempt('proxy', 'carol', check(false));
      if (outcome.refused) clock.now += outcome.retryAfterMs;
    }
    expect(await limiter.attempt('proxy', 'alice', check(true))).toEqual({ refused: false, ok: true });
    expect(await limiter.attempt('proxy', 'bob', check(true))).toEqual({ refused: false, ok: true });
  });

  it('forgets an account’s failures a day after the last one', async () => {
    const { clock, limiter, check } = setup();
    for (let i = 0; i < LOGIN_RULES.pair.free; i++) await limiter.attempt('a', 'admin', check(false));
    clock.now += LOGIN_RULES.pair.forgetMs;
    for (let i = 0; i < LOGIN_RULES.pair.free; i++) expect((await limiter.attempt('a', 'admin', check(false))).refused).toBe(false);
  });

  it('goes on with the next attempt when a check throws', async () => {
    const { limiter, check } = setup();
    const failing = limiter.attempt('a', 'admin', async () => {
      throw new Error('base indisponible');
    });
    const next = limiter.attempt('a', 'admin', check(true));
    await expect(failing).rejects.toThrow('base indisponible');
    expect(await next).toEqual({ refused: false, ok: true });
  });
});
