// Invitation links of a pole for a campaign: individual (one ticket made at once) or shared (one ticket per claim).
// What the coordination sees of them is their status and counts, never a response.
import type { Db } from './database.ts';

export interface InvitationRecord {
  id: string;
  poleId: string;
  campaignId: string;
  tokenSealed: string;
  shared: boolean;
  college: string | null;
  createdAt: string;
  maxResponses: number | null;
  /** Individual link: the status of its ticket. */
  status: 'new' | 'draft' | 'submitted' | null;
  /** Shared link: claims that saved something (or were submitted), and how many of them were submitted. */
  opened: number;
  submitted: number;
}

export interface NewInvitation {
  id: string;
  poleId: string;
  campaignId: string;
  tokenHash: string;
  tokenSealed: string;
  shared: boolean;
  college: string | null;
  createdAt: string;
  maxResponses?: number | null;
  /** Individual links get their ticket at once, so participation counts them as invited. */
  ticketId: string | null;
}

/** A link found by its token: shared links are doors to claims; any revoked link answers 410. */
export interface LinkInvitation {
  id: string;
  poleId: string;
  campaignId: string;
  college: string | null;
  shared: boolean;
  maxResponses: number | null;
  revoked: boolean;
  /** Claims that saved something or were sent, plus those made since `since` (an hour, for the claim route). */
  claims: number;
}

export function invitationsRepository(db: Db) {
  const insertInvitation = db.prepare(`
    INSERT INTO invitations (id, pole_id, campaign_id, token_hash, token_sealed, shared, college, created_at, max_responses)
    VALUES (@id, @poleId, @campaignId, @tokenHash, @tokenSealed, @sharedInt, @college, @createdAt, @maxResponses)`);
  const insertTicket = db.prepare(`
    INSERT INTO tickets (id, invitation_id, pole_id, campaign_id, token_hash, status, created_at)
    VALUES (@ticketId, @id, @poleId, @campaignId, @tokenHash, 'new', @createdAt)`);
  const listColumns = `
    SELECT i.id, i.pole_id AS poleId, i.campaign_id AS campaignId, i.token_sealed AS tokenSealed, i.shared,
           i.college, i.created_at AS createdAt, i.max_responses AS maxResponses,
           CASE WHEN i.shared = 0 THEN max(t.status) END AS status,
           count(CASE WHEN t.status != 'new' THEN 1 END) AS opened, count(CASE WHEN t.status = 'submitted' THEN 1 END) AS submitted
    FROM invitations i LEFT JOIN tickets t ON t.invitation_id = i.id`;
  const list = db.prepare(`${listColumns} WHERE i.pole_id = ? AND i.campaign_id = ? AND i.revoked_at IS NULL GROUP BY i.id ORDER BY i.created_at, i.rowid`);
  const one = db.prepare(`${listColumns} WHERE i.id = ? AND i.revoked_at IS NULL GROUP BY i.id`);
  const byTokenHash = db.prepare(`
    SELECT i.id, i.pole_id AS poleId, i.campaign_id AS campaignId, i.college, i.max_responses AS maxResponses,
           i.shared, i.revoked_at IS NOT NULL AS revoked,
           (SELECT count(*) FROM tickets t WHERE t.invitation_id = i.id AND (t.status != 'new' OR t.created_at > @since)) AS claims
    FROM invitations i WHERE i.token_hash = @tokenHash`);
  const revoke = db.prepare('UPDATE invitations SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  const dropDrafts = db.prepare("DELETE FROM tickets WHERE invitation_id = ? AND status != 'submitted'");
  const replaceToken = db.prepare('UPDATE invitations SET token_hash = @tokenHash, token_sealed = @tokenSealed WHERE id = @id');

  const createMany = db.transaction((rows: NewInvitation[]) => {
    for (const row of rows) {
      insertInvitation.run({ ...row, sharedInt: row.shared ? 1 : 0, maxResponses: row.maxResponses ?? null });
      if (row.ticketId) insertTicket.run(row);
    }
  });
  const read = (r: any) => ({ ...r, shared: r.shared === 1 }) as InvitationRecord;

  return {
    createMany: (rows: NewInvitation[]) => createMany(rows),
    /** Links not revoked, in creation order. */
    list: (poleId: string, campaignId: string) => (list.all(poleId, campaignId) as any[]).map(read),
    get: (id: string): InvitationRecord | undefined => {
      const row = one.get(id);
      return row ? read(row) : undefined;
    },
    /** `since`: unsaved claims older than this no longer hold a place under `maxResponses`. */
    findByToken: (tokenHash: string, since = ''): LinkInvitation | undefined => {
      const row = byTokenHash.get({ tokenHash, since }) as any;
      return row ? { ...row, shared: row.shared === 1, revoked: row.revoked === 1 } : undefined;
    },
    /** The link stops working (410) and its unsent drafts are deleted unread; submitted responses stay. */
    revoke: db.transaction((id: string, now: string) => {
      revoke.run(now, id);
      dropDrafts.run(id);
    }),
    /**
     * An individual link not yet submitted gets a new token: the old one stops working and its draft is deleted
     * unread, a fresh ticket takes its place. Returns false if the response was submitted meanwhile.
     */
    reissue: db.transaction((row: { id: string; poleId: string; campaignId: string; tokenHash: string; tokenSealed: string; ticketId: string; createdAt: string }): boolean => {
      if (dropDrafts.run(row.id).changes === 0) return false;
      replaceToken.run(row);
      insertTicket.run(row);
      return true;
    }),
  };
}
