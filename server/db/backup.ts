// The SQLite side of backups: an online copy of the live database (SQLite's backup API, while the server writes), the
// check of a copy, and the check that no process holds the database before a restore replaces it.
import Database from 'better-sqlite3';
import { migrations } from './migrations.ts';

/** The newest schema this version of the service knows: a copy from a newer one must not be opened by it. */
export const LATEST_SCHEMA_VERSION = Math.max(...migrations.map((m) => m.version));

export interface DatabaseCheck {
  /** `PRAGMA integrity_check`'s findings; empty when the file is sound. */
  problems: string[];
  /** The last migration applied to it (0: none). */
  schemaVersion: number;
}

function check(db: Database.Database): DatabaseCheck {
  const findings = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
  const problems = findings.map((f) => f.integrity_check).filter((f) => f !== 'ok');
  const hasMigrations = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined;
  const schemaVersion = hasMigrations ? (db.prepare('SELECT coalesce(max(version), 0) FROM schema_migrations').pluck().get() as number) : 0;
  return { problems, schemaVersion };
}

/**
 * Copies the database at `source` to the new file `destination` while other connections keep writing, and checks the
 * copy. The copy is made in one step of the backup API, under one read transaction: it holds exactly what was committed
 * when that step began. (In small steps, every commit of the server between two of them would start the copy over.)
 * The copy leaves WAL mode, so that it is one self-contained file; the service puts it back in WAL mode when it opens it.
 */
export async function copyDatabase(source: string, destination: string): Promise<DatabaseCheck> {
  const live = new Database(source, { fileMustExist: true, timeout: 5000 });
  try {
    await live.backup(destination, { progress: () => 0x7fffffff });
  } finally {
    live.close();
  }
  return checkDatabase(destination, { standalone: true });
}

/** Checks a database file (its integrity, the schema version it is at); `standalone` first takes it out of WAL mode. */
export function checkDatabase(file: string, options: { standalone?: boolean } = {}): DatabaseCheck {
  const db = new Database(file, { fileMustExist: true, readonly: !options.standalone });
  try {
    if (options.standalone) db.pragma('journal_mode = DELETE');
    return check(db);
  } finally {
    db.close();
  }
}

export class DatabaseInUseError extends Error {}

/**
 * Before the database is replaced: refuses (DatabaseInUseError) when another connection has it open (a running server
 * keeps one open, and in WAL mode an exclusive lock cannot be had past it), then folds its WAL into the file, so that
 * the file alone holds every committed write and can be moved aside.
 */
export function closeForReplacement(file: string): void {
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    try {
      db.exec('BEGIN EXCLUSIVE; COMMIT');
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_BUSY') throw new DatabaseInUseError(file);
      throw err;
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}
