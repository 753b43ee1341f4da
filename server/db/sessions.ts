import type { Db } from './database.ts';
import type { User } from './users.ts';

export interface SessionRecord {
  tokenHash: string;
  csrfToken: string;
  expiresAt: string;
  user: User;
}

export function sessionsRepository(db: Db) {
  const insert = db.prepare(
    'INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
  );
  const find = db.prepare(`
    SELECT s.token_hash AS tokenHash, s.csrf_token AS csrfToken, s.expires_at AS expiresAt,
           u.id, u.email, u.role, u.pole_id AS poleId
    FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ?`);
  const remove = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
  const purge = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');
  return {
    create(tokenHash: string, userId: string, csrfToken: string, now: Date, expiresAt: Date) {
      insert.run(tokenHash, userId, csrfToken, now.toISOString(), expiresAt.toISOString());
    },
    find(tokenHash: string, now: Date): SessionRecord | undefined {
      const row = find.get(tokenHash, now.toISOString()) as any;
      if (!row) return undefined;
      return {
        tokenHash: row.tokenHash,
        csrfToken: row.csrfToken,
        expiresAt: row.expiresAt,
        user: { id: row.id, email: row.email, role: row.role, poleId: row.poleId },
      };
    },
    remove: (tokenHash: string) => void remove.run(tokenHash),
    purgeExpired: (now: Date) => purge.run(now.toISOString()).changes,
  };
}
