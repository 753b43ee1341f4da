// A ticket is one person's way in: an individual link, or one claim of a shared link. It holds the draft, the
// browser it is bound to and the resume secret while the person answers. Submitting empties it (only its status
// stays) and moves the answers to `responses` with no reference back: see migration 5.
import type { Db } from './database.ts';
import { packScores } from './item-scores.ts';
import { batchOpener } from './responses.ts';

/**
 * The tickets participation counts, in a query joining tickets `t` to invitations `i`: links not withdrawn (or
 * already sent), and shared-link claims once they saved something (an empty claim is not an invitation).
 */
export const PARTICIPATING_TICKETS = "(i.revoked_at IS NULL OR t.status = 'submitted') AND (i.shared = 0 OR t.status != 'new')";

export type TicketStatus = 'new' | 'draft' | 'submitted';

export interface TicketRecord {
  id: string;
  invitationId: string;
  poleId: string;
  campaignId: string;
  status: TicketStatus;
  /** The collège the invitation was made for, if any: the respondent may not change it. */
  presetCollege: string | null;
  shared: boolean;
  /** The invitation was revoked by the pole's coordination. */
  revoked: boolean;
  /** SHA-256 of the `ptce_respondent` cookie of the browser holding the draft; null until first use. */
  browserHash: string | null;
  /** The resume secret, sealed under a key from the bound browser's cookie (draft-crypto.ts). */
  resumeSealed: string | null;
  /** The draft as stored: sealed (draft-crypto.ts), or plain JSON for one saved before drafts were sealed. */
  storedData: string;
  pageNo: number;
}

export interface Submission {
  /** Random id of the new response row. */
  responseId: string;
  college: string | null;
  data: Record<string, unknown>;
  itemScores: readonly (number | null)[];
  /** YYYY-MM-DD: nothing finer is kept. */
  day: string;
  /** k: no batch is considered before this many responses wait outside the results. */
  minBatch: number;
  /** Whether the responses waiting outside the results (batch 0), with the others, may now enter them as a batch. */
  readyForNextBatch: (rows: { college: string | null; batch: number; count: number }[]) => boolean;
}

export interface ParticipationRow {
  /** The collège the link was made for; null for links made without one. */
  college: string | null;
  invited: number;
  started: number;
  submitted: number;
}

export function ticketsRepository(db: Db) {
  const columns = `
    SELECT t.id, t.invitation_id AS invitationId, t.pole_id AS poleId, t.campaign_id AS campaignId, t.status,
           i.college AS presetCollege, i.shared, i.revoked_at IS NOT NULL AS revoked,
           t.browser_hash AS browserHash, t.resume_sealed AS resumeSealed, t.data AS storedData, t.page_no AS pageNo
    FROM tickets t JOIN invitations i ON i.id = t.invitation_id`;
  const byTokenHash = db.prepare(`${columns} WHERE t.token_hash = ?`);
  const byResumeHash = db.prepare(`${columns} WHERE t.resume_hash = ?`);
  const insert = db.prepare(`
    INSERT INTO tickets (id, invitation_id, pole_id, campaign_id, token_hash, browser_hash, resume_hash, resume_sealed, status, created_at)
    VALUES (@id, @invitationId, @poleId, @campaignId, @tokenHash, @browserHash, @resumeHash, @resumeSealed, 'new', @createdAt)`);
  const bind = db.prepare(`
    UPDATE tickets SET browser_hash = @browserHash, resume_hash = @resumeHash, resume_sealed = @resumeSealed, data = @data, college = NULL
    WHERE id = @id AND status != 'submitted' AND browser_hash IS NULL`);
  const moveTo = db.prepare(`
    UPDATE tickets SET browser_hash = @browserHash, resume_hash = @resumeHash, resume_sealed = @resumeSealed, data = @data
    WHERE id = @id AND status != 'submitted' AND resume_hash = @previousResumeHash`);
  const saveDraft = db.prepare(`
    UPDATE tickets SET status = 'draft', data = @data, page_no = @pageNo, updated_at = @now
    WHERE id = @id AND status != 'submitted'`);
  // Only the status stays: no answers, collège (left only by drafts saved before migration 5), browser, resume
  // secret nor time that could meet the response again.
  const empty = db.prepare(`
    UPDATE tickets SET status = 'submitted', data = '{}', college = NULL, page_no = 0, browser_hash = NULL,
                       resume_hash = NULL, resume_sealed = NULL, updated_at = NULL
    WHERE id = ? AND status != 'submitted'`);
  const insertResponse = db.prepare(`
    INSERT INTO responses (id, pole_id, campaign_id, college, data, item_scores, submitted_on, batch)
    VALUES (@id, @poleId, @campaignId, @college, @data, @itemScores, @day, 0)`);
  const waitingCount = db.prepare('SELECT count(*) FROM responses WHERE pole_id = ? AND campaign_id = ? AND batch = 0').pluck();
  const batchesOf = db.prepare('SELECT college, batch, count(*) AS count FROM responses WHERE pole_id = ? AND campaign_id = ? GROUP BY batch, college');
  const openBatch = batchOpener(db);
  // Participation is what the coordination may know: who has answered. Every count goes under the collège the link
  // was made for (its own choice), never under the one a respondent picked (an answer, tied to a named link).
  const participation = db.prepare(`
    SELECT i.college AS college, count(*) AS invited, count(CASE WHEN t.status != 'new' THEN 1 END) AS started,
           count(CASE WHEN t.status = 'submitted' THEN 1 END) AS submitted
    FROM tickets t JOIN invitations i ON i.id = t.invitation_id
    WHERE t.pole_id = ? AND t.campaign_id = ? AND ${PARTICIPATING_TICKETS}
    GROUP BY i.college`);

  const submit = db.transaction((ticket: Pick<TicketRecord, 'id' | 'poleId' | 'campaignId'>, s: Submission): boolean => {
    if (empty.run(ticket.id).changes !== 1) return false;
    insertResponse.run({ id: s.responseId, poleId: ticket.poleId, campaignId: ticket.campaignId, college: s.college, data: JSON.stringify(s.data), itemScores: packScores(s.itemScores), day: s.day });
    // Counts per (batch, collège), read only when a batch may be due: a few rows, however large the pole.
    const due = (waitingCount.get(ticket.poleId, ticket.campaignId) as number) >= s.minBatch;
    if (due && s.readyForNextBatch(batchesOf.all(ticket.poleId, ticket.campaignId) as { college: string | null; batch: number; count: number }[])) {
      openBatch(ticket.poleId, ticket.campaignId);
    }
    return true;
  });

  const read = (row: any): TicketRecord | undefined =>
    row ? { ...row, shared: row.shared === 1, revoked: row.revoked === 1 } : undefined;

  return {
    findByTokenHash: (tokenHash: string) => read(byTokenHash.get(tokenHash)),
    findByResumeHash: (resumeHash: string) => read(byResumeHash.get(resumeHash)),
    /** A shared link's claim, bound at once to the claiming browser. */
    create(row: { id: string; invitationId: string; poleId: string; campaignId: string; tokenHash: string; createdAt: string; browserHash: string; resumeHash: string; resumeSealed: string }) {
      insert.run(row);
    },
    /**
     * Binds a ticket nobody opened yet to a browser, with its first resume secret and its draft sealed under it.
     * False if submitted or taken meanwhile.
     */
    bind: (id: string, bound: { browserHash: string; resumeHash: string; resumeSealed: string; data: string }) =>
      bind.run({ id, ...bound }).changes === 1,
    /** Moves the draft to another browser through the resume link, which is then replaced: it works once. */
    moveTo: (id: string, previousResumeHash: string, bound: { browserHash: string; resumeHash: string; resumeSealed: string; data: string }) =>
      moveTo.run({ id, previousResumeHash, ...bound }).changes === 1,
    /** `data`: sealed. False when the response was submitted meanwhile: a submitted response never changes. */
    saveDraft: (id: string, data: string, pageNo: number, now: string) => saveDraft.run({ id, data, pageNo, now }).changes === 1,
    /**
     * In one transaction: empties the ticket, stores the response apart with no reference to it, and opens a new
     * results batch when `readyForNextBatch` says so. False if already submitted.
     */
    submit: (ticket: Pick<TicketRecord, 'id' | 'poleId' | 'campaignId'>, submission: Submission) => submit(ticket, submission),
    participation: (poleId: string, campaignId: string) => participation.all(poleId, campaignId) as ParticipationRow[],
  };
}
