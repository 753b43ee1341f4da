// People invited by e-mail: their address (for reminders, never shown outside their pole), opt-out and sending record.
import type { Db } from './database.ts';
import { invitationsRepository, type NewInvitation } from './invitations.ts';
import type { TicketStatus } from './tickets.ts';

export interface NewMailRecipient {
  id: string;
  invitationId: string;
  poleId: string;
  campaignId: string;
  email: string;
  optOutTokenHash: string;
  optOutTokenSealed: string;
  createdAt: string;
}

export interface MailRecipientRecord {
  id: string;
  invitationId: string;
  email: string;
  /** The collège the invitation was made for, if any. */
  college: string | null;
  status: TicketStatus;
  /** Sealed tokens, to write the links again in a reminder. */
  tokenSealed: string;
  optOutTokenSealed: string;
  optedOutAt: string | null;
  lastSentAt: string | null;
  sentCount: number;
  createdAt: string;
}

export function mailingsRepository(db: Db) {
  const invitations = invitationsRepository(db);
  const insert = db.prepare(`
    INSERT INTO mail_recipients (id, invitation_id, pole_id, campaign_id, email, opt_out_token_hash, opt_out_token_sealed, created_at)
    VALUES (@id, @invitationId, @poleId, @campaignId, @email, @optOutTokenHash, @optOutTokenSealed, @createdAt)`);
  const list = db.prepare(`
    SELECT m.id, m.invitation_id AS invitationId, m.email, i.college, coalesce(t.status, 'new') AS status,
           i.token_sealed AS tokenSealed, m.opt_out_token_sealed AS optOutTokenSealed,
           m.opted_out_at AS optedOutAt, m.last_sent_at AS lastSentAt, m.sent_count AS sentCount, m.created_at AS createdAt
    FROM mail_recipients m
    JOIN invitations i ON i.id = m.invitation_id
    LEFT JOIN tickets t ON t.invitation_id = m.invitation_id
    WHERE m.pole_id = ? AND m.campaign_id = ? AND i.revoked_at IS NULL
    ORDER BY m.created_at, m.rowid`);
  const emails = db.prepare('SELECT email FROM mail_recipients WHERE pole_id = ? AND campaign_id = ?').pluck();
  const markSent = db.prepare('UPDATE mail_recipients SET last_sent_at = ?, sent_count = sent_count + 1 WHERE id = ?');
  const optOut = db.prepare('UPDATE mail_recipients SET opted_out_at = coalesce(opted_out_at, ?) WHERE opt_out_token_hash = ?');
  const byOptOut = db.prepare(`
    SELECT p.name AS poleName, c.year FROM mail_recipients m
    JOIN poles p ON p.id = m.pole_id JOIN campaigns c ON c.id = m.campaign_id
    WHERE m.opt_out_token_hash = ?`);

  const createMany = db.transaction((rows: { invitation: NewInvitation; recipient: NewMailRecipient }[]) => {
    invitations.createMany(rows.map((r) => r.invitation));
    for (const { recipient } of rows) insert.run(recipient);
  });

  return {
    /** Creates the individual invitations (with their tickets) and their recipients, all or nothing. */
    createMany: (rows: { invitation: NewInvitation; recipient: NewMailRecipient }[]) => createMany(rows),
    list: (poleId: string, campaignId: string) => list.all(poleId, campaignId) as MailRecipientRecord[],
    /** Addresses already invited for this pole and campaign, lower-cased. */
    invitedEmails: (poleId: string, campaignId: string) => new Set((emails.all(poleId, campaignId) as string[]).map((e) => e.toLowerCase())),
    markSent: (id: string, now: string) => void markSent.run(now, id),
    /** Idempotent: the first opt-out date is kept. Returns what the page shows, or undefined for an unknown token. */
    optOut(optOutTokenHash: string, now: string): { poleName: string; year: number } | undefined {
      if (optOut.run(now, optOutTokenHash).changes === 0) return undefined;
      return byOptOut.get(optOutTokenHash) as { poleName: string; year: number };
    },
  };
}
