// Campaign-wide reads for the network view: every pole's submitted answers, participation and profile at once.
import type { Db } from './database.ts';

export function networkRepository(db: Db) {
  const submitted = db.prepare("SELECT pole_id AS poleId, college, data FROM responses WHERE campaign_id = ? AND status = 'submitted'");
  const participation = db.prepare(`
    SELECT pole_id AS poleId, college, count(*) AS invited, count(CASE WHEN status = 'submitted' THEN 1 END) AS submitted
    FROM responses WHERE campaign_id = ? GROUP BY pole_id, college`);
  const profiles = db.prepare('SELECT pole_id AS poleId, data FROM pole_profiles WHERE campaign_id = ?');
  return {
    /** Calls `each` per submitted response, without building the whole list of parsed answers first. */
    forEachSubmitted(campaignId: string, each: (poleId: string, college: string | null, data: Record<string, unknown>) => void) {
      for (const row of submitted.iterate(campaignId) as Iterable<{ poleId: string; college: string | null; data: string }>) {
        each(row.poleId, row.college, JSON.parse(row.data));
      }
    },
    participation: (campaignId: string) => participation.all(campaignId) as { poleId: string; college: string | null; invited: number; submitted: number }[],
    profiles: (campaignId: string) =>
      new Map((profiles.all(campaignId) as { poleId: string; data: string }[]).map((r) => [r.poleId, JSON.parse(r.data) as Record<string, unknown>])),
  };
}
