// Password guessing, slowed down without locking anyone out. Failed logins are counted per account, per (address,
// account) and, more loosely, per address. Past a few free failures a key makes each further attempt wait a delay
// that doubles at every failure (up to a ceiling): an attempt made during the delay is refused without being checked
// nor counted, so the owner gets in as soon as the attacker stops and the delay has passed. Counting per account
// rather than per address alone matters behind a reverse proxy, where everybody may share one address.
// In memory: one process serves the app.

interface Rule {
  /** Failures allowed before any delay. */
  free: number;
  /** A key is forgotten after this long without a failure. */
  forgetMs: number;
}

export const LOGIN_RULES = {
  /** One source guessing one account is slowed down first. */
  pair: { free: 5, forgetMs: 24 * 60 * 60_000 },
  /** Guesses at one account from many addresses; looser, since its delay also holds back the account's owner. */
  account: { free: 10, forgetMs: 24 * 60 * 60_000 },
  /** One source trying many accounts; loosest, since without TRUST_PROXY every user may share one address. */
  address: { free: 100, forgetMs: 60 * 60_000 },
} satisfies Record<string, Rule>;

const FIRST_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 15 * 60_000;
/** Bound on remembered keys: a flood of invented e-mails evicts the oldest keys, not the memory. */
const MAX_KEYS = 100_000;

/** How long a key with this many failures must wait after its last one. */
export function delayAfter(failures: number, rule: Rule): number {
  if (failures < rule.free) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** (failures - rule.free), MAX_DELAY_MS);
}

export type LoginOutcome = { refused: false; ok: boolean } | { refused: true; retryAfterMs: number };

export interface LoginLimiter {
  /**
   * Runs one password check for (address, account). Attempts on one account run one after the other, so parallel
   * guesses meet the delays their predecessors earned. The attempt counts as a failure before `check` runs (a check
   * takes time: parallel attempts from one address must not all pass before the first one is counted), and is
   * forgiven when `check` says the password was right.
   */
  attempt(address: string, account: string, check: () => Promise<boolean>): Promise<LoginOutcome>;
}

export function createLoginLimiter(now: () => number): LoginLimiter {
  const counters = new Map<string, { failures: number; last: number }>();
  const queues = new Map<string, Promise<void>>();

  const current = (key: string, rule: Rule, at: number) => {
    const counter = counters.get(key);
    if (counter && at - counter.last < rule.forgetMs) return counter;
    counters.delete(key);
    return undefined;
  };
  const waitFor = (key: string, rule: Rule, at: number) => {
    const counter = current(key, rule, at);
    return counter ? Math.max(0, counter.last + delayAfter(counter.failures, rule) - at) : 0;
  };
  const fail = (key: string, rule: Rule, at: number) => {
    const failures = (current(key, rule, at)?.failures ?? 0) + 1;
    // Re-inserted so that the map's order is that of the last failures: the oldest go first when it is full.
    counters.delete(key);
    if (counters.size >= MAX_KEYS) counters.delete(counters.keys().next().value!);
    counters.set(key, { failures, last: at });
  };
  const forgive = (key: string) => {
    const counter = counters.get(key);
    if (counter) counter.failures = Math.max(0, counter.failures - 1);
  };

  /** Runs `work` once every earlier call with this key has finished. */
  async function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = queues.get(key) ?? Promise.resolve();
    const run = previous.then(work);
    const done = run.then(() => undefined, () => undefined);
    queues.set(key, done);
    try {
      return await run;
    } finally {
      if (queues.get(key) === done) queues.delete(key);
    }
  }

  return {
    attempt: (address, account, check) =>
      oneAtATime(account, async (): Promise<LoginOutcome> => {
        const keys: [string, Rule][] = [
          [`pair:${address}|${account}`, LOGIN_RULES.pair],
          [`account:${account}`, LOGIN_RULES.account],
          [`address:${address}`, LOGIN_RULES.address],
        ];
        const at = now();
        const retryAfterMs = Math.max(...keys.map(([key, rule]) => waitFor(key, rule, at)));
        if (retryAfterMs > 0) return { refused: true, retryAfterMs };
        for (const [key, rule] of keys) fail(key, rule, at);
        const ok = await check();
        if (ok) {
          // The owner is in: their account's slate is clean. The address keeps what others behind it failed.
          counters.delete(keys[0][0]);
          counters.delete(keys[1][0]);
          forgive(keys[2][0]);
        }
        return { refused: false, ok };
      }),
  };
}
