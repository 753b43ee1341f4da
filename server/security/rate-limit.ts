// Fixed-window counter per key (shared-link claims per client address). In memory: one process serves the app.
export interface RateLimiter {
  isBlocked(key: string, now: number): boolean;
  fail(key: string, now: number): void;
  reset(key: string): void;
}

export function createRateLimiter(maxFailures: number, windowMs: number): RateLimiter {
  const windows = new Map<string, { start: number; failures: number }>();
  const current = (key: string, now: number) => {
    const w = windows.get(key);
    if (w && now - w.start < windowMs) return w;
    if (w) windows.delete(key);
    return undefined;
  };
  return {
    isBlocked: (key, now) => (current(key, now)?.failures ?? 0) >= maxFailures,
    fail(key, now) {
      const w = current(key, now);
      if (w) w.failures++;
      else {
        if (windows.size > 100_000) windows.clear(); // bounded memory under a flood of distinct keys
        windows.set(key, { start: now, failures: 1 });
      }
    },
    reset: (key) => void windows.delete(key),
  };
}
