import type { Db } from './database.ts';

export interface Campaign {
  id: string;
  year: number;
  questionnaireId: string;
  opensAt: string | null;
  closesAt: string | null;
  createdAt: string;
}

const SELECT = 'SELECT id, year, questionnaire_id AS questionnaireId, opens_at AS opensAt, closes_at AS closesAt, created_at AS createdAt FROM campaigns';

export function campaignsRepository(db: Db) {
  const byId = db.prepare(`${SELECT} WHERE id = ?`);
  const byYear = db.prepare(`${SELECT} WHERE year = ?`);
  const all = db.prepare(`${SELECT} ORDER BY year DESC`);
  const insert = db.prepare(
    'INSERT INTO campaigns (id, year, questionnaire_id, opens_at, closes_at, created_at) VALUES (@id, @year, @questionnaireId, @opensAt, @closesAt, @createdAt)',
  );
  return {
    get: (id: string) => byId.get(id) as Campaign | undefined,
    findByYear: (year: number) => byYear.get(year) as Campaign | undefined,
    list: () => all.all() as Campaign[],
    create(campaign: Campaign): Campaign {
      insert.run(campaign);
      return campaign;
    },
  };
}
