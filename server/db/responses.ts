// Submitted responses, stored with no tie to the link that brought them (see tickets.ts). Everything that shows
// figures reads the results snapshot only: the responses of closed batches (batch > 0), which grow by at least k
// at a time, so that no one can difference the results before and after one person's submission.
import type { Db } from './database.ts';

/** A submitted response as the exports read it: answers still as stored JSON. */
export interface StoredResponse {
  /** Only to make its export code (server/export-codes.ts): never written into an export. */
  id: string;
  poleId: string;
  poleName: string;
  college: string | null;
  /** The results batch it entered with. */
  batch: number;
  data: string;
}

export interface SnapshotInfo {
  /** Responses the results rest on. */
  included: number;
  /** Submitted responses waiting for the next batch. */
  pending: number;
}

/** Lets a pole's waiting responses (batch 0) into its results, as the next batch. */
export function batchOpener(db: Db): (poleId: string, campaignId: string) => void {
  const nextBatch = db.prepare('SELECT coalesce(max(batch), 0) + 1 FROM responses WHERE pole_id = ? AND campaign_id = ?').pluck();
  const advance = db.prepare('UPDATE responses SET batch = ? WHERE pole_id = ? AND campaign_id = ? AND batch = 0');
  return (poleId, campaignId) => void advance.run(nextBatch.get(poleId, campaignId), poleId, campaignId);
}

export function responsesRepository(db: Db) {
  // Ordered by random id: no order of arrival survives.
  const snapshotOf = db.prepare('SELECT college, batch, data FROM responses WHERE pole_id = ? AND campaign_id = ? AND batch > 0 ORDER BY id');
  const counts = db.prepare(`
    SELECT count(CASE WHEN batch > 0 THEN 1 END) AS included, count(CASE WHEN batch = 0 THEN 1 END) AS pending
    FROM responses WHERE pole_id = ? AND campaign_id = ?`);
  const exportColumns = `SELECT r.id, r.pole_id AS poleId, p.name AS poleName, r.college, r.batch, r.data
    FROM responses r JOIN poles p ON p.id = r.pole_id`;
  const exportAll = db.prepare(`${exportColumns} WHERE r.campaign_id = ? AND r.batch > 0 ORDER BY p.name COLLATE NOCASE, p.id, r.id`);
  const exportPole = db.prepare(`${exportColumns} WHERE r.pole_id = ? AND r.campaign_id = ? AND r.batch > 0 ORDER BY r.id`);

  // Count and sum of batch numbers of the responses in results: changes when a batch enters, or rows are removed.
  const campaignVersion = db.prepare("SELECT count(*) || ':' || total(batch) FROM responses WHERE campaign_id = ? AND batch > 0").pluck();
  const waitingPoles = db.prepare('SELECT pole_id FROM responses WHERE campaign_id = ? AND batch = 0 GROUP BY pole_id HAVING count(*) >= ?').pluck();
  const openBatch = batchOpener(db);
  const closeBatches = db.transaction((campaignId: string, k: number) => {
    for (const poleId of waitingPoles.all(campaignId, k) as string[]) openBatch(poleId, campaignId);
  });

  return {
    /** Changes whenever the responses in a campaign's results change: a key for what is computed from them. */
    campaignVersion: (campaignId: string) => String(campaignVersion.get(campaignId)),
    /**
     * Once a campaign is closed no more responses come, so waiting for a batch that keeps every collège's figures is
     * pointless: at least k waiting responses of a pole enter its results as a last batch (groups merge as needed).
     */
    closeBatches: (campaignId: string, k: number) => closeBatches(campaignId, k),
    /** The answers the pole's results rest on (the snapshot), for scoring. */
    snapshot: (poleId: string, campaignId: string) =>
      (snapshotOf.all(poleId, campaignId) as { college: string | null; batch: number; data: string }[]).map((r) => ({ college: r.college, batch: r.batch, data: JSON.parse(r.data) as Record<string, unknown> })),
    snapshotInfo: (poleId: string, campaignId: string) => counts.get(poleId, campaignId) as SnapshotInfo,
    /** Snapshot responses of a campaign, all poles or one, for the exports. */
    forExport: (campaignId: string, poleId?: string): StoredResponse[] =>
      (poleId === undefined ? exportAll.all(campaignId) : exportPole.all(poleId, campaignId)) as StoredResponse[],
  };
}
