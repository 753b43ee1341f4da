// Group commit: writes that arrive during the same turn of the event loop share one transaction, hence one fsync.
// Each caller's promise settles only after that transaction is committed (synchronous=FULL), so an acknowledged
// write is on disk, while throughput is no longer capped by one fsync per request.
import type { Db } from './database.ts';

interface Pending {
  write: () => unknown;
  scrub: boolean;
  resolve: (value: any) => void;
  reject: (reason: unknown) => void;
}

export interface GroupCommit {
  /**
   * `scrub`: once committed, the WAL is checkpointed and truncated before the promise settles, so that the file
   * keeps no earlier copy of the pages written (a submitted draft next to its ticket: see tickets.ts).
   */
  run<T>(write: () => T, options?: { scrub?: boolean }): Promise<T>;
}

export function createGroupCommit(db: Db): GroupCommit {
  let queue: Pending[] = [];
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    const batch = queue;
    queue = [];
    const results: { ok: boolean; value: unknown }[] = [];
    try {
      db.transaction(() => {
        for (const item of batch) {
          // A nested transaction is a savepoint: one failing write is undone alone, the others still commit.
          try {
            results.push({ ok: true, value: db.transaction(item.write)() });
          } catch (error) {
            results.push({ ok: false, value: error });
          }
        }
      })();
    } catch (error) {
      for (const item of batch) item.reject(error); // the commit itself failed: nothing was written
      return;
    }
    if (batch.some((item, i) => item.scrub && results[i].ok)) {
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // Busy with a reader: the next scrub (or SQLite's own checkpoint) overwrites those frames; nothing is lost.
      }
    }
    batch.forEach((item, i) => (results[i].ok ? item.resolve(results[i].value) : item.reject(results[i].value)));
  };

  return {
    run<T>(write: () => T, options: { scrub?: boolean } = {}): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ write, scrub: options.scrub ?? false, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
  };
}
