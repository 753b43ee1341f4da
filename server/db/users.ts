import type { Db } from './database.ts';

export type Role = 'admin' | 'coordinator';

export interface User {
  id: string;
  email: string;
  role: Role;
  poleId: string | null;
}

interface UserWithHash extends User {
  passwordHash: string;
}

const SELECT = 'SELECT id, email, role, pole_id AS poleId, password_hash AS passwordHash FROM users';

export function usersRepository(db: Db) {
  const byEmail = db.prepare(`${SELECT} WHERE email = ?`);
  const all = db.prepare('SELECT id, email, role, pole_id AS poleId FROM users ORDER BY role, email');
  const countAdmins = db.prepare("SELECT count(*) FROM users WHERE role = 'admin'").pluck();
  const insert = db.prepare(
    'INSERT INTO users (id, email, password_hash, role, pole_id, created_at) VALUES (@id, @email, @passwordHash, @role, @poleId, @createdAt)',
  );
  return {
    findByEmail: (email: string) => byEmail.get(email) as UserWithHash | undefined,
    list: () => all.all() as User[],
    adminCount: () => countAdmins.get() as number,
    create(user: User, passwordHash: string, createdAt: string): User {
      insert.run({ ...user, passwordHash, createdAt });
      return user;
    },
  };
}
