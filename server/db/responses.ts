import type { Db } from './database.ts';
import { packThemeScores } from './theme-scores.ts';
import type { ExportResponse } from '../../reports/export/layout.ts';

export type ResponseStatus = 'new' | 'draft' | 'submitted';

export interface ResponseRecord {
  id: string;
  invitationId: string;
  poleId: string;
  campaignId: string;
  status: ResponseStatus;
  college: string | null;
  /** The collège the invitation was made for, if any: the respondent may not change it. */
  presetCollege: string | null;
  shared: boolean;
  data: Record<string, unknown>;
  pageNo: number;
  updatedAt: string | null;
  submittedAt: string | null;
}

export interface ParticipationRow {
  college: string | null;
  invited: number;
  started: number;
  submitted: number;
}

export function responsesRepository(db: Db) {
  const byTokenHash = db.prepare(`
    SELECT r.id, r.invitation_id AS invitationId, r.pole_id AS poleId, r.campaign_id AS campaignId, r.status,
           r.college, i.college AS presetCollege, i.shared, r.data, r.page_no AS pageNo,
           r.updated_at AS updatedAt, r.submitted_at AS submittedAt
    FROM responses r JOIN invitations i ON i.id = r.invitation_id WHERE r.token_hash = ?`);
  const insert = db.prepare(`
    INSERT INTO responses (id, invitation_id, pole_id, campaign_id, token_hash, status, college, created_at)
    VALUES (@id, @invitationId, @poleId, @campaignId, @tokenHash, 'new', @college, @createdAt)`);
  const saveDraft = db.prepare(`
    UPDATE responses SET status = 'draft', data = @data, college = @college, page_no = @pageNo, updated_at = @now
    WHERE id = @id AND status != 'submitted'`);
  const submit = db.prepare(`
    UPDATE responses SET status = 'submitted', data = @data, college = @college, theme_scores = @themeScores, updated_at = @now, submitted_at = @now
    WHERE id = @id AND status != 'submitted'`);
  const participation = db.prepare(`
    SELECT college, count(*) AS invited,
           count(CASE WHEN status != 'new' THEN 1 END) AS started,
           count(CASE WHEN status = 'submitted' THEN 1 END) AS submitted
    FROM responses WHERE pole_id = ? AND campaign_id = ? GROUP BY college`);

  const submittedOf = db.prepare("SELECT college, data FROM responses WHERE pole_id = ? AND campaign_id = ? AND status = 'submitted' ORDER BY submitted_at, id");
  const submittedCount = db.prepare("SELECT count(*) FROM responses WHERE pole_id = ? AND campaign_id = ? AND status = 'submitted'").pluck();

  return {
    /** Submitted answers of a pole for a campaign, for scoring. */
    submitted: (poleId: string, campaignId: string) =>
      (submittedOf.all(poleId, campaignId) as { college: string | null; data: string }[]).map((r) => ({ college: r.college, data: JSON.parse(r.data) as Record<string, unknown> })),
    submittedCount: (poleId: string, campaignId: string) => submittedCount.get(poleId, campaignId) as number,
    findByTokenHash(tokenHash: string): ResponseRecord | undefined {
      const row = byTokenHash.get(tokenHash) as any;
      return row ? { ...row, shared: row.shared === 1, data: JSON.parse(row.data) } : undefined;
    },
    create(row: { id: string; invitationId: string; poleId: string; campaignId: string; tokenHash: string; college: string | null; createdAt: string }) {
      insert.run(row);
    },
    /** False when the response was submitted meanwhile: a submitted response never changes. */
    saveDraft(id: string, data: Record<string, unknown>, college: string | null, pageNo: number, now: string): boolean {
      return saveDraft.run({ id, data: JSON.stringify(data), college, pageNo, now }).changes === 1;
    },
    /** Stores the answers with their theme scores (see theme-scores.ts), computed by the caller from the questionnaire. */
    submit(id: string, data: Record<string, unknown>, college: string | null, now: string, themeScores: readonly (number | null)[]): boolean {
      return submit.run({ id, data: JSON.stringify(data), college, now, themeScores: packThemeScores(themeScores) }).changes === 1;
    },
    participation: (poleId: string, campaignId: string) => participation.all(poleId, campaignId) as ParticipationRow[],
    /** Submitted responses of a campaign, all poles or one, for the exports (never the token hash). */
    forExport: submittedForExport(db),
  };
}

/** Submitted responses of a campaign (every pole, or one) with their pole's name, for the exports: one query. */
function submittedForExport(db: Db) {
  const columns = `SELECT r.id, r.pole_id AS poleId, p.name AS poleName, r.college, r.submitted_at AS submittedAt, r.data
    FROM responses r JOIN poles p ON p.id = r.pole_id`;
  const all = db.prepare(`${columns} WHERE r.campaign_id = ? AND r.status = 'submitted' ORDER BY p.name COLLATE NOCASE, p.id, r.submitted_at, r.id`);
  const ofPole = db.prepare(`${columns} WHERE r.pole_id = ? AND r.campaign_id = ? AND r.status = 'submitted' ORDER BY r.submitted_at, r.id`);
  return (campaignId: string, poleId?: string): ExportResponse[] =>
    (poleId === undefined ? all.all(campaignId) : ofPole.all(poleId, campaignId)) as ExportResponse[];
}
