import type { Db } from './database.ts';

export interface InvitationRecord {
  id: string;
  poleId: string;
  campaignId: string;
  tokenSealed: string;
  shared: boolean;
  college: string | null;
  createdAt: string;
  /** Individual link: the status of its response. */
  status: 'new' | 'draft' | 'submitted' | null;
  /** Shared link: how many people opened it, and how many of them submitted. */
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
  /** Individual links get their response row at once, so participation counts them as invited. */
  responseId: string | null;
}

export interface SharedInvitation {
  id: string;
  poleId: string;
  campaignId: string;
  college: string | null;
}

export function invitationsRepository(db: Db) {
  const insertInvitation = db.prepare(`
    INSERT INTO invitations (id, pole_id, campaign_id, token_hash, token_sealed, shared, college, created_at)
    VALUES (@id, @poleId, @campaignId, @tokenHash, @tokenSealed, @sharedInt, @college, @createdAt)`);
  const insertResponse = db.prepare(`
    INSERT INTO responses (id, invitation_id, pole_id, campaign_id, token_hash, status, college, created_at)
    VALUES (@responseId, @id, @poleId, @campaignId, @tokenHash, 'new', @college, @createdAt)`);
  const list = db.prepare(`
    SELECT i.id, i.pole_id AS poleId, i.campaign_id AS campaignId, i.token_sealed AS tokenSealed, i.shared,
           i.college, i.created_at AS createdAt,
           CASE WHEN i.shared = 0 THEN max(r.status) END AS status,
           count(r.id) AS opened, count(CASE WHEN r.status = 'submitted' THEN 1 END) AS submitted
    FROM invitations i LEFT JOIN responses r ON r.invitation_id = i.id
    WHERE i.pole_id = ? AND i.campaign_id = ?
    GROUP BY i.id ORDER BY i.created_at, i.rowid`);
  const sharedByHash = db.prepare(
    'SELECT id, pole_id AS poleId, campaign_id AS campaignId, college FROM invitations WHERE token_hash = ? AND shared = 1',
  );
  const createMany = db.transaction((rows: NewInvitation[]) => {
    for (const row of rows) {
      insertInvitation.run({ ...row, sharedInt: row.shared ? 1 : 0 });
      if (row.responseId) insertResponse.run(row);
    }
  });
  return {
    createMany: (rows: NewInvitation[]) => createMany(rows),
    list: (poleId: string, campaignId: string) =>
      (list.all(poleId, campaignId) as any[]).map((r) => ({ ...r, shared: r.shared === 1 }) as InvitationRecord),
    findShared: (tokenHash: string) => sharedByHash.get(tokenHash) as SharedInvitation | undefined,
  };
}
