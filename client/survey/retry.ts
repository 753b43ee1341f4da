// Re-sending after a network failure or a server error: with growing delays (the server may be restarting, a phone
// may be in a tunnel), at once when the browser says it is back online, and whenever the caller tries again itself.
import { ApiError } from '../api';

/** Delays before the 1st, 2nd... retry; the last one repeats. Short enough that nobody waits long once it is back. */
export const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000] as const;

/** The delay before retry number `failures` (1-based), ±20 % so that the phones of a meeting do not all come back at once. */
export function retryDelay(failures: number, random: () => number = Math.random): number {
  const base = RETRY_DELAYS_MS[Math.min(Math.max(failures, 1), RETRY_DELAYS_MS.length) - 1];
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** The server could not be reached or failed (5xx): worth sending again as is. A 4xx is an answer, not an outage. */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === 0 || error.status >= 500;
}

export interface Retry {
  /** Counts a failure and schedules the next try. */
  failed(): void;
  /** Stops retrying (success, or given up for a lasting reason). */
  reset(): void;
  readonly failures: number;
  /** Retries at once when the browser comes back online; returns the way to stop (and cancels any timer then). */
  listen(): () => void;
}

export function createRetry(run: () => void): Retry {
  let failures = 0;
  let timer = 0;
  const onOnline = () => {
    if (failures === 0) return;
    window.clearTimeout(timer);
    run();
  };
  return {
    failed() {
      failures += 1;
      window.clearTimeout(timer);
      timer = window.setTimeout(run, retryDelay(failures));
    },
    reset() {
      failures = 0;
      window.clearTimeout(timer);
    },
    get failures() {
      return failures;
    },
    listen() {
      window.addEventListener('online', onOnline);
      return () => {
        window.clearTimeout(timer);
        window.removeEventListener('online', onOnline);
      };
    },
  };
}
