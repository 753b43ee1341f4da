// The audit trail: one row per staff action worth answering for later (exports, deletions, accounts, links, logins).
// The actor's email is copied into the row: the record outlives the account (no foreign key, migration 7).
import type { Db } from './database.ts';
import type { AuditAction, AuditEntry, AuditPage, AuditTargetType } from '../../reports/contract/audit.ts';

export interface AuditRecord {
  at: Date;
  /** Who acted; null for the service itself (retention purge) or a login attempt on an unknown address. */
  actor: { id: string; email: string } | null;
  action: AuditAction;
  target?: { type: AuditTargetType; id: string } | null;
  poleId?: string | null;
  /** A short French precision; never an answer, a token nor a respondent's address. */
  detail?: string | null;
}

interface Row {
  id: number;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  action: AuditAction;
  targetType: AuditTargetType | null;
  targetId: string | null;
  poleId: string | null;
  detail: string | null;
}

const fromRow = (r: Row): AuditEntry => ({
  id: r.id,
  at: r.at,
  actor: r.actorId !== null && r.actorEmail !== null ? { id: r.actorId, email: r.actorEmail } : null,
  action: r.action,
  target: r.targetType !== null && r.targetId !== null ? { type: r.targetType, id: r.targetId } : null,
  poleId: r.poleId,
  detail: r.detail,
});

export function auditRepository(db: Db) {
  const insert = db.prepare(`
    INSERT INTO audit_log (at, actor_id, actor_email, action, target_type, target_id, pole_id, detail)
    VALUES (@at, @actorId, @actorEmail, @action, @targetType, @targetId, @poleId, @detail)`);
  const columns = `SELECT id, at, actor_id AS actorId, actor_email AS actorEmail, action, target_type AS targetType,
    target_id AS targetId, pole_id AS poleId, detail FROM audit_log`;
  // Newest first along the (at DESC, id DESC) index; the cursor is an entry id, the page goes on strictly after it.
  const first = db.prepare(`${columns} ORDER BY at DESC, id DESC LIMIT ?`);
  const after = db.prepare(`${columns} WHERE (at, id) < (SELECT at, id FROM audit_log WHERE id = ?) ORDER BY at DESC, id DESC LIMIT ?`);

  return {
    record(entry: AuditRecord): void {
      insert.run({
        at: entry.at.toISOString(),
        actorId: entry.actor?.id ?? null,
        actorEmail: entry.actor?.email ?? null,
        action: entry.action,
        targetType: entry.target?.type ?? null,
        targetId: entry.target?.id ?? null,
        poleId: entry.poleId ?? null,
        detail: entry.detail ?? null,
      });
    },
    /** `limit` entries, newest first, before the entry `before` (from the newest without it); `next` is the cursor of the page after. */
    page(limit: number, before?: number): AuditPage {
      // One more than asked says whether another page follows.
      const rows = (before === undefined ? first.all(limit + 1) : after.all(before, limit + 1)) as Row[];
      const entries = rows.slice(0, limit).map(fromRow);
      return { entries, next: rows.length > limit ? entries[entries.length - 1].id : null };
    },
  };
}
