// The data folder holds the database and the key that seals invitation links: only the service's own user may read
// them. Checked at every start. Files found more open are closed at once, with a warning, rather than refused: a
// refusal would leave them readable until someone came to fix them, and a folder restored with `cp` or `tar` under
// the usual umask (022) is the common case, not an attack. What cannot be fixed (a file owned by another user)
// stops the start.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const DATABASE_FILE = 'ptce.sqlite';
export const KEY_FILE = 'secret.key';
/** SQLite's companions hold recent writes: as private as the database itself. */
const PRIVATE_FILES = [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, KEY_FILE];

const octal = (mode: number) => (mode & 0o777).toString(8).padStart(4, '0');

/** Takes away every permission beyond `allowed`; says so when there were some. */
function restrict(path: string, allowed: number, warn: (message: string) => void) {
  const mode = statSync(path).mode & 0o777;
  if ((mode & ~allowed) === 0) return;
  try {
    chmodSync(path, mode & allowed);
  } catch (error) {
    throw new Error(`Droits trop ouverts sur ${path} (${octal(mode)}) et impossibles à restreindre : ${(error as Error).message}. Donnez ce fichier à l’utilisateur du service, ou faites « chmod ${octal(allowed)} ${path} ».`);
  }
  warn(`Attention : ${path} était accessible à d’autres utilisateurs (droits ${octal(mode)}) ; droits ramenés à ${octal(mode & allowed)}. Vérifiez comment il a été créé ou copié.`);
}

/**
 * Creates the data folder (0700) and the database file (0600) if needed, and restricts those found more open.
 * The database is created here, empty, before SQLite opens it: SQLite gives its -wal and -shm files the database's
 * own permissions.
 */
export function secureDataDir(dataDir: string, warn: (message: string) => void = console.warn): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  restrict(dataDir, 0o700, warn);
  const database = join(dataDir, DATABASE_FILE);
  if (!existsSync(database)) closeSync(openSync(database, 'a', 0o600));
  for (const name of PRIVATE_FILES) {
    const path = join(dataDir, name);
    if (existsSync(path)) restrict(path, 0o600, warn);
  }
}
