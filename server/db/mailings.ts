// People invited by e-mail: their address (for reminders, never shown outside their pole), opt-out and sending record;
// and the queue of outgoing mails that the background sender (server/mail/sender.ts) drains.
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

/** What an opt-out link's pages say: the campaign, and whether the person already opted out. */
export interface OptOutRecord {
  poleName: string;
  year: number;
  optedOutAt: string | null;
}

export type MailingKind = 'invitation' | 'reminder';

/** One coordinator's request: what every mail of it shares. */
export interface NewMailing {
  id: string;
  poleId: string;
  campaignId: string;
  kind: MailingKind;
  /** The coordinator's personal note (invitations only). */
  note: string | null;
  /** Origin the links are written with (PUBLIC_URL, or the coordinator's request). */
  linkOrigin: string;
  createdBy: string | null;
  createdAt: string;
}

/** What the sender needs to write and send one queued mail, read when it is taken from the queue. */
export interface OutgoingMailRecord {
  id: string;
  recipientId: string;
  /** Tries so far, this one included. */
  attempts: number;
  kind: MailingKind;
  note: string | null;
  linkOrigin: string;
  /** The coordinator who asked for the mailing: replies go to them. */
  replyTo: string | null;
  email: string;
  tokenSealed: string;
  optOutTokenSealed: string;
  ticketStatus: TicketStatus;
  /** The link was revoked after the mail was queued: sending it would hand out a dead link. */
  revoked: boolean;
  poleName: string;
  year: number;
  opensAt: string | null;
  closesAt: string | null;
}

export interface MailingSummary {
  id: string;
  kind: MailingKind;
  createdAt: string;
  /** Still waiting to leave (a retry included). */
  queued: number;
  sent: number;
  failed: number;
}

export interface MailDeliveryFailureRecord {
  email: string;
  kind: MailingKind;
  message: string;
  attempts: number;
  failedAt: string;
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
    SELECT p.name AS poleName, c.year, m.opted_out_at AS optedOutAt FROM mail_recipients m
    JOIN poles p ON p.id = m.pole_id JOIN campaigns c ON c.id = m.campaign_id
    WHERE m.opt_out_token_hash = ?`);

  const insertMailing = db.prepare(`
    INSERT INTO mailings (id, pole_id, campaign_id, kind, note, link_origin, created_by, created_at)
    VALUES (@id, @poleId, @campaignId, @kind, @note, @linkOrigin, @createdBy, @createdAt)`);
  const insertOutgoing = db.prepare(`
    INSERT INTO outgoing_mails (id, mailing_id, recipient_id, status, next_attempt_at) VALUES (?, ?, ?, 'pending', ?)`);
  const nextDue = db.prepare(`
    SELECT id FROM outgoing_mails WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, rowid LIMIT 1`).pluck();
  const lease = db.prepare('UPDATE outgoing_mails SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ?');
  const outgoing = db.prepare(`
    SELECT o.id, o.recipient_id AS recipientId, o.attempts, g.kind, g.note, g.link_origin AS linkOrigin, u.email AS replyTo,
           m.email, i.token_sealed AS tokenSealed, m.opt_out_token_sealed AS optOutTokenSealed,
           coalesce(t.status, 'new') AS ticketStatus, i.revoked_at IS NOT NULL AS revoked,
           p.name AS poleName, c.year, c.opens_at AS opensAt, c.closes_at AS closesAt
    FROM outgoing_mails o
    JOIN mailings g ON g.id = o.mailing_id
    JOIN mail_recipients m ON m.id = o.recipient_id
    JOIN invitations i ON i.id = m.invitation_id
    LEFT JOIN tickets t ON t.invitation_id = m.invitation_id
    LEFT JOIN users u ON u.id = g.created_by
    JOIN poles p ON p.id = g.pole_id
    JOIN campaigns c ON c.id = g.campaign_id
    WHERE o.id = ?`);
  const outgoingSent = db.prepare("UPDATE outgoing_mails SET status = 'sent', next_attempt_at = NULL, last_error = NULL, finished_at = ? WHERE id = ?");
  const outgoingRetry = db.prepare('UPDATE outgoing_mails SET next_attempt_at = ?, last_error = ? WHERE id = ?');
  const outgoingFailed = db.prepare("UPDATE outgoing_mails SET status = 'failed', next_attempt_at = NULL, last_error = ?, finished_at = ? WHERE id = ?");
  const queuedSince = db.prepare(`
    SELECT g.created_at AS createdAt, count(*) AS count FROM mailings g JOIN outgoing_mails o ON o.mailing_id = g.id
    WHERE g.pole_id = ? AND g.created_at > ? GROUP BY g.id ORDER BY g.created_at`);
  const lastReminder = db.prepare("SELECT max(created_at) FROM mailings WHERE pole_id = ? AND campaign_id = ? AND kind = 'reminder'").pluck();
  const summaries = db.prepare(`
    SELECT g.id, g.kind, g.created_at AS createdAt, sum(o.status = 'pending') AS queued, sum(o.status = 'sent') AS sent,
           sum(o.status = 'failed') AS failed
    FROM mailings g JOIN outgoing_mails o ON o.mailing_id = g.id
    WHERE g.pole_id = ? AND g.campaign_id = ?
    GROUP BY g.id ORDER BY g.created_at DESC, g.rowid DESC`);
  const failures = db.prepare(`
    SELECT m.email, g.kind, o.last_error AS message, o.attempts, o.finished_at AS failedAt
    FROM outgoing_mails o JOIN mailings g ON g.id = o.mailing_id JOIN mail_recipients m ON m.id = o.recipient_id
    WHERE g.pole_id = ? AND g.campaign_id = ? AND o.status = 'failed'
    ORDER BY o.finished_at DESC, o.rowid DESC`);

  const createMany = db.transaction((rows: { invitation: NewInvitation; recipient: NewMailRecipient }[]) => {
    invitations.createMany(rows.map((r) => r.invitation));
    for (const { recipient } of rows) insert.run(recipient);
  });
  const queue = db.transaction((mailing: NewMailing, outgoing: { id: string; recipientId: string }[]) => {
    insertMailing.run(mailing);
    for (const mail of outgoing) insertOutgoing.run(mail.id, mailing.id, mail.recipientId, mailing.createdAt);
  });
  const claim = db.transaction((now: string, leaseUntil: string): OutgoingMailRecord | undefined => {
    const id = nextDue.get(now) as string | undefined;
    if (!id) return undefined;
    lease.run(leaseUntil, id);
    const row = outgoing.get(id) as Omit<OutgoingMailRecord, 'revoked'> & { revoked: number };
    return { ...row, revoked: row.revoked === 1 };
  });
  const sent = db.transaction((id: string, recipientId: string, now: string) => {
    outgoingSent.run(now, id);
    markSent.run(now, recipientId);
  });

  return {
    /** Creates the individual invitations (with their tickets) and their recipients, all or nothing. */
    createMany: (rows: { invitation: NewInvitation; recipient: NewMailRecipient }[]) => createMany(rows),
    list: (poleId: string, campaignId: string) => list.all(poleId, campaignId) as MailRecipientRecord[],
    /** Addresses already invited for this pole and campaign, lower-cased. */
    invitedEmails: (poleId: string, campaignId: string) => new Set((emails.all(poleId, campaignId) as string[]).map((e) => e.toLowerCase())),
    /** Idempotent: the first opt-out date is kept. Returns what the page shows, or undefined for an unknown token. */
    optOut(optOutTokenHash: string, now: string): OptOutRecord | undefined {
      if (optOut.run(now, optOutTokenHash).changes === 0) return undefined;
      return byOptOut.get(optOutTokenHash) as OptOutRecord;
    },
    /** The opt-out link's recipient, read only (the page shown before the person confirms). */
    findOptOut: (optOutTokenHash: string) => byOptOut.get(optOutTokenHash) as OptOutRecord | undefined,

    /** Puts one mail per recipient in the queue, due at once. */
    queue: (mailing: NewMailing, outgoing: { id: string; recipientId: string }[]) => queue(mailing, outgoing),
    /**
     * Takes the next mail due at `now` and holds it until `leaseUntil` (one more attempt counted): another pass
     * does not take it meanwhile, and if the server stops before the answer it is tried again afterwards.
     */
    claim: (now: string, leaseUntil: string) => claim(now, leaseUntil),
    markMailSent: (id: string, recipientId: string, now: string) => sent(id, recipientId, now),
    retryLater: (id: string, nextAttemptAt: string, error: string) => void outgoingRetry.run(nextAttemptAt, error, id),
    markMailFailed: (id: string, error: string, now: string) => void outgoingFailed.run(error, now, id),
    /** The pole's mails queued after `since` (all campaigns), grouped by mailing, oldest first. */
    queuedSince: (poleId: string, since: string) => queuedSince.all(poleId, since) as { createdAt: string; count: number }[],
    lastReminderAt: (poleId: string, campaignId: string) => lastReminder.get(poleId, campaignId) as string | null,
    /** The pole's mailings for the campaign, newest first, with where their mails stand. */
    summaries: (poleId: string, campaignId: string) => summaries.all(poleId, campaignId) as MailingSummary[],
    /** Mails given up on, newest first, with the SMTP server's answer. */
    failures: (poleId: string, campaignId: string) => failures.all(poleId, campaignId) as MailDeliveryFailureRecord[],
  };
}
