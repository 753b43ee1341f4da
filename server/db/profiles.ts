import type { Db } from './database.ts';

export interface PoleProfile {
  data: Record<string, unknown>;
  updatedAt: string;
}

export function profilesRepository(db: Db) {
  const get = db.prepare('SELECT data, updated_at AS updatedAt FROM pole_profiles WHERE pole_id = ? AND campaign_id = ?');
  const upsert = db.prepare(`
    INSERT INTO pole_profiles (pole_id, campaign_id, data, updated_at, updated_by) VALUES (@poleId, @campaignId, @data, @updatedAt, @userId)
    ON CONFLICT (pole_id, campaign_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at, updated_by = excluded.updated_by`);
  const latestBefore = db.prepare(`
    SELECT p.campaign_id AS campaignId, c.year, p.data, p.updated_at AS updatedAt FROM pole_profiles p JOIN campaigns c ON c.id = p.campaign_id
    WHERE p.pole_id = ? AND c.year < ? ORDER BY c.year DESC LIMIT 1`);
  return {
    get(poleId: string, campaignId: string): PoleProfile | undefined {
      const row = get.get(poleId, campaignId) as { data: string; updatedAt: string } | undefined;
      return row ? { data: JSON.parse(row.data), updatedAt: row.updatedAt } : undefined;
    },
    /** The pole's profile of its latest campaign before `year` that has one: last year's values, for the prefill and the key figures. */
    latestBefore(poleId: string, year: number): (PoleProfile & { campaignId: string; year: number }) | undefined {
      const row = latestBefore.get(poleId, year) as { campaignId: string; year: number; data: string; updatedAt: string } | undefined;
      return row ? { campaignId: row.campaignId, year: row.year, data: JSON.parse(row.data), updatedAt: row.updatedAt } : undefined;
    },
    save(poleId: string, campaignId: string, data: Record<string, unknown>, updatedAt: string, userId: string) {
      upsert.run({ poleId, campaignId, data: JSON.stringify(data), updatedAt, userId });
    },
  };
}
