// Campaign-wide reads for the network view: every pole's submitted answers, participation and profile at once.
import type { Db } from './database.ts';
import { packScores, unpackScores } from './item-scores.ts';
import { PARTICIPATING_TICKETS } from './tickets.ts';

export function networkRepository(db: Db) {
  const submitted = db.prepare("SELECT pole_id, college, batch, item_scores FROM responses WHERE campaign_id = ? AND batch > 0").raw();
  const answersOf = db.prepare('SELECT data FROM responses WHERE id = ?').pluck();
  const unscored = db.prepare("SELECT id FROM responses WHERE campaign_id = ? AND item_scores IS NULL").pluck();
  const storeScores = db.prepare('UPDATE responses SET item_scores = ? WHERE id = ?');
  // As a pole's participation (tickets.ts): by the collège links were made for, never a respondent's choice.
  const participation = db.prepare(`
    SELECT t.pole_id AS poleId, i.college AS college, count(*) AS invited, count(CASE WHEN t.status = 'submitted' THEN 1 END) AS submitted
    FROM tickets t JOIN invitations i ON i.id = t.invitation_id
    WHERE t.campaign_id = ? AND ${PARTICIPATING_TICKETS}
    GROUP BY 1, 2`);
  const profiles = db.prepare('SELECT pole_id AS poleId, data FROM pole_profiles WHERE campaign_id = ?');
  return {
    /** Calls `each` per response in the results with its stored item scores: no answers JSON is read. */
    forEachSubmitted(campaignId: string, each: (poleId: string, college: string | null, batch: number, items: Float64Array) => void) {
      for (const [poleId, college, batch, scores] of submitted.all(campaignId) as [string, string | null, number, Buffer][]) {
        each(poleId, college, batch, unpackScores(scores));
      }
    },
    /** Scores responses stored without their item scores (before schema version 5), once. */
    backfillScores(campaignId: string, score: (data: Record<string, unknown>) => (number | null)[]): number {
      const ids = unscored.all(campaignId) as string[];
      db.transaction(() => {
        for (const id of ids) storeScores.run(packScores(score(JSON.parse(answersOf.get(id) as string))), id);
      })();
      return ids.length;
    },
    participation: (campaignId: string) => participation.all(campaignId) as { poleId: string; college: string | null; invited: number; submitted: number }[],
    profiles: (campaignId: string) =>
      new Map((profiles.all(campaignId) as { poleId: string; data: string }[]).map((r) => [r.poleId, JSON.parse(r.data) as Record<string, unknown>])),
  };
}
