// RETENTION_YEARS in the server process: campaigns past the retention period are purged at start, then once a day.
// Without the setting, everything is kept and nothing runs.
import type { AppDeps } from './context.ts';
import { purgeExpiredCampaigns } from './commands/erasure.ts';

export const RETENTION_INTERVAL_MS = 24 * 3_600_000;

export interface RetentionPurger {
  /** Purges now, then every day (a no-op without a retention period). */
  start(): void;
  /** No more purges; resolves once the one in progress, if any, is done. */
  stop(): Promise<void>;
}

export function createRetentionPurger(deps: AppDeps, years: number | undefined): RetentionPurger {
  let timer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<unknown> | undefined;
  const purge = () => {
    if (years === undefined || running) return;
    running = purgeExpiredCampaigns(deps, years)
      .catch((err) => console.error('Purge des campagnes au-delà de la durée de conservation :', err))
      .finally(() => {
        running = undefined;
      });
  };
  return {
    start() {
      if (years === undefined) return;
      purge();
      timer = setInterval(purge, RETENTION_INTERVAL_MS);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
