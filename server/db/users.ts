import type { Db } from './database.ts';

export type Role = 'admin' | 'coordinator';

export interface User {
  id: string;
  email: string;
  role: Role;
  poleId: string | null;
  /** A disabled account keeps its row (the audit trail names it) but cannot sign in, and has no session. */
  disabled: boolean;
}

/** An account as it is created: enabled. */
export type NewUser = Omit<User, 'disabled'>;

interface UserWithHash extends User {
  passwordHash: string;
}

const COLUMNS = 'id, email, role, pole_id AS poleId, disabled_at IS NOT NULL AS disabled';
/** SQLite answers 0 or 1 for a condition. */
type Row<T extends User> = Omit<T, 'disabled'> & { disabled: number };
const toUser = <T extends User>(row: Row<T>) => ({ ...row, disabled: row.disabled === 1 }) as T;

export function usersRepository(db: Db) {
  const byEmail = db.prepare(`SELECT ${COLUMNS}, password_hash AS passwordHash FROM users WHERE email = ?`);
  const byId = db.prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?`);
  const hashById = db.prepare('SELECT password_hash FROM users WHERE id = ?').pluck();
  const all = db.prepare(`SELECT ${COLUMNS} FROM users ORDER BY role, email`);
  const countAdmins = db.prepare("SELECT count(*) FROM users WHERE role = 'admin'").pluck();
  const insert = db.prepare(
    'INSERT INTO users (id, email, password_hash, role, pole_id, created_at) VALUES (@id, @email, @passwordHash, @role, @poleId, @createdAt)',
  );
  const setHash = db.prepare('UPDATE users SET password_hash = ? WHERE id = ?');
  const setDisabled = db.prepare('UPDATE users SET disabled_at = ? WHERE id = ?');
  return {
    findByEmail: (email: string) => {
      const row = byEmail.get(email) as Row<UserWithHash> | undefined;
      return row && toUser<UserWithHash>(row);
    },
    get: (id: string) => {
      const row = byId.get(id) as Row<User> | undefined;
      return row && toUser<User>(row);
    },
    passwordHash: (id: string) => hashById.get(id) as string | undefined,
    list: () => (all.all() as Row<User>[]).map((row) => toUser<User>(row)),
    adminCount: () => countAdmins.get() as number,
    create(user: NewUser, passwordHash: string, createdAt: string): User {
      insert.run({ ...user, passwordHash, createdAt });
      return { ...user, disabled: false };
    },
    setPasswordHash: (id: string, passwordHash: string) => void setHash.run(passwordHash, id),
    /** Disabling stamps the moment (null re-enables); the caller revokes the sessions in the same transaction. */
    setDisabledAt: (id: string, at: string | null) => void setDisabled.run(at, id),
  };
}
