import type { Db } from './database.ts';

export interface Pole {
  id: string;
  name: string;
  region: string | null;
  departement: string | null;
  createdAt: string;
}

const SELECT = 'SELECT id, name, region, departement, created_at AS createdAt FROM poles';

export function polesRepository(db: Db) {
  const byId = db.prepare(`${SELECT} WHERE id = ?`);
  const all = db.prepare(`${SELECT} ORDER BY name COLLATE NOCASE`);
  const insert = db.prepare('INSERT INTO poles (id, name, region, departement, created_at) VALUES (@id, @name, @region, @departement, @createdAt)');
  const update = db.prepare('UPDATE poles SET name = @name, region = @region, departement = @departement WHERE id = @id');
  return {
    get: (id: string) => byId.get(id) as Pole | undefined,
    list: () => all.all() as Pole[],
    create(pole: Pole): Pole {
      insert.run(pole);
      return pole;
    },
    update(pole: Pole): Pole {
      update.run(pole);
      return pole;
    },
  };
}
