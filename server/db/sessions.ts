import type { Db } from './database.ts';
import type { User } from './users.ts';

export interface SessionRecord {
  tokenHash: string;
  csrfToken: string;
  expiresAt: string;
  /** Last time the session was used, to the minute or so (see auth.ts); its creation if never used since. */
  lastSeenAt: string;
  user: User;
}

export function sessionsRepository(db: Db) {
  const insert = db.prepare(
    'INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  // A session of a disabled account, past its expiry or idle for too long is not found: it stops working at once.
  // Sessions opened before last_seen_at existed count from their creation.
  const find = db.prepare(`
    SELECT s.token_hash AS tokenHash, s.csrf_token AS csrfToken, s.expires_at AS expiresAt,
           coalesce(s.last_seen_at, s.created_at) AS lastSeenAt,
           u.id, u.email, u.role, u.pole_id AS poleId
    FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.token_hash = ? AND s.expires_at > ? AND coalesce(s.last_seen_at, s.created_at) > ? AND u.disabled_at IS NULL`);
  const touch = db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?');
  const remove = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
  const removeOthers = db.prepare('DELETE FROM sessions WHERE user_id = ? AND token_hash IS NOT ?');
  const purge = db.prepare('DELETE FROM sessions WHERE expires_at <= ? OR coalesce(last_seen_at, created_at) <= ?');
  return {
    create(tokenHash: string, userId: string, csrfToken: string, now: Date, expiresAt: Date) {
      insert.run(tokenHash, userId, csrfToken, now.toISOString(), expiresAt.toISOString(), now.toISOString());
    },
    /** The live session of this token: not expired at `now`, used after `idleSince`, of an enabled account. */
    find(tokenHash: string, now: Date, idleSince: Date): SessionRecord | undefined {
      const row = find.get(tokenHash, now.toISOString(), idleSince.toISOString()) as any;
      if (!row) return undefined;
      return {
        tokenHash: row.tokenHash,
        csrfToken: row.csrfToken,
        expiresAt: row.expiresAt,
        lastSeenAt: row.lastSeenAt,
        user: { id: row.id, email: row.email, role: row.role, poleId: row.poleId, disabled: false },
      };
    },
    touch: (tokenHash: string, at: Date) => void touch.run(at.toISOString(), tokenHash),
    remove: (tokenHash: string) => void remove.run(tokenHash),
    /** Revokes every session of a user, except the one given (the session changing its own password). */
    removeForUser: (userId: string, except?: string) => void removeOthers.run(userId, except ?? null),
    purgeExpired: (now: Date, idleSince: Date) => purge.run(now.toISOString(), idleSince.toISOString()).changes,
  };
}
