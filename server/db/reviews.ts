// A pole's collective review of a campaign and its action plan (migration 8): one JSON document per pole and campaign,
// validated by the review command before it is written (reports/contract/review.ts). Never an answer: what the group
// decided together.
import type { Db } from './database.ts';
import type { Review } from '../../reports/contract/review.ts';

/** What is stored: the review without its date of record, which is a column. */
export type StoredReview = Omit<Review, 'updatedAt'>;

export interface ReviewRecord {
  review: StoredReview;
  updatedAt: string;
}

export function reviewsRepository(db: Db) {
  const get = db.prepare('SELECT data, updated_at AS updatedAt FROM pole_reviews WHERE pole_id = ? AND campaign_id = ?');
  const upsert = db.prepare(`
    INSERT INTO pole_reviews (pole_id, campaign_id, data, updated_at, updated_by) VALUES (@poleId, @campaignId, @data, @updatedAt, @userId)
    ON CONFLICT (pole_id, campaign_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at, updated_by = excluded.updated_by`);
  const latestBefore = db.prepare(`
    SELECT r.campaign_id AS campaignId, c.year, r.data, r.updated_at AS updatedAt FROM pole_reviews r JOIN campaigns c ON c.id = r.campaign_id
    WHERE r.pole_id = ? AND c.year < ? ORDER BY c.year DESC LIMIT 1`);
  // Only the actions: the network view counts them, and the notes need not be parsed.
  const plans = db.prepare("SELECT pole_id AS poleId, json_extract(data, '$.actions') AS actions FROM pole_reviews WHERE campaign_id = ?");

  return {
    get(poleId: string, campaignId: string): ReviewRecord | undefined {
      const row = get.get(poleId, campaignId) as { data: string; updatedAt: string } | undefined;
      return row ? { review: JSON.parse(row.data), updatedAt: row.updatedAt } : undefined;
    },
    save(poleId: string, campaignId: string, review: StoredReview, updatedAt: string, userId: string): void {
      upsert.run({ poleId, campaignId, data: JSON.stringify(review), updatedAt, userId });
    },
    /** The pole's review of its latest campaign before `year` that has one: the plan next year's results follow. */
    latestBefore(poleId: string, year: number): (ReviewRecord & { campaignId: string; year: number }) | undefined {
      const row = latestBefore.get(poleId, year) as { campaignId: string; year: number; data: string; updatedAt: string } | undefined;
      return row ? { campaignId: row.campaignId, year: row.year, review: JSON.parse(row.data), updatedAt: row.updatedAt } : undefined;
    },
    /** Every pole's action plan for the campaign, for the network view's count of adopted and completed remedies. */
    plansOf(campaignId: string): { poleId: string; actions: StoredReview['actions'] }[] {
      const rows = plans.all(campaignId) as { poleId: string; actions: string }[];
      return rows.map((r) => ({ poleId: r.poleId, actions: JSON.parse(r.actions) }));
    },
  };
}
