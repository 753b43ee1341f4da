// Backups of a data folder as sets: one folder per backup in DATA_DIR/backups/, named by its UTC time, holding the
// database copied online and the key without which it is useless (secret.key seals the invitation and opt-out
// links), with a manifest of their SHA-256. Folders 0700, files 0600: a backup holds the same data as the folder.
// Used by `npm run backup` and `npm run restore -- <sauvegarde>` (server/cli-backup.ts, server/cli-restore.ts).
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { DATABASE_FILE, KEY_FILE } from './security/data-files.ts';
import { DatabaseInUseError, LATEST_SCHEMA_VERSION, checkDatabase, closeForReplacement, copyDatabase } from './db/backup.ts';

export const BACKUPS_DIR = 'backups';
const MANIFEST = 'manifest.json';
/** The files of the data folder a set may hold besides the database: its keys. */
const KEY_FILES = [KEY_FILE];
const SET_NAME = /^ptce-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/;

/** A refusal the operator can act on, in French. */
export class BackupError extends Error {}

interface Manifest {
  format: 1;
  createdAt: string;
  schemaVersion: number;
  /** File name → SHA-256 (hex): the database, then the keys. */
  files: Record<string, string>;
}

/** 2026-03-01T10-00-00-000Z: sorts by time, and is a valid file name everywhere. */
const stamp = (now: Date) => now.toISOString().replace(/[:.]/g, '-');
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function privateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  chmodSync(path, 0o700);
}

/** Into a folder of ours (0700): the file is never readable by others, even before its chmod. */
function copyPrivate(from: string, to: string): void {
  copyFileSync(from, to);
  chmodSync(to, 0o600);
}

function writeManifest(dir: string, createdAt: Date, schemaVersion: number, files: string[]): void {
  const manifest: Manifest = { format: 1, createdAt: createdAt.toISOString(), schemaVersion, files: Object.fromEntries(files.map((f) => [f, sha256(join(dir, f))])) };
  writeFileSync(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
}

/** The data folder's key files that exist (none when the key comes from SECRET_KEY). */
const keyFilesOf = (dataDir: string) => KEY_FILES.filter((f) => existsSync(join(dataDir, f)));

export interface BackupResult {
  dir: string;
  schemaVersion: number;
  keyFiles: string[];
  /** Older sets deleted to keep `keep` of them. */
  removed: string[];
}

/** A backup set of the data folder, made while the server runs; then only the `keep` newest sets are kept. */
export async function createBackup(dataDir: string, options: { keep: number; now?: Date }): Promise<BackupResult> {
  const now = options.now ?? new Date();
  const database = join(dataDir, DATABASE_FILE);
  if (!existsSync(database)) throw new BackupError(`Aucune base de données dans ${dataDir} : rien à sauvegarder.`);
  const root = join(dataDir, BACKUPS_DIR);
  privateDir(root);
  const name = `ptce-${stamp(now)}`;
  const dir = join(root, name);
  if (existsSync(dir)) throw new BackupError(`La sauvegarde ${dir} existe déjà.`);
  // Made under a name that rotation and restore ignore, renamed once complete: an interrupted backup never passes for one.
  const partial = join(root, `.${name}.partielle`);
  privateDir(partial);
  try {
    const copy = join(partial, DATABASE_FILE);
    const { problems, schemaVersion } = await copyDatabase(database, copy);
    chmodSync(copy, 0o600);
    if (problems.length) throw new BackupError(`La copie de la base n’est pas intègre : ${problems.slice(0, 5).join(' ; ')}`);
    const keyFiles = keyFilesOf(dataDir);
    for (const f of keyFiles) copyPrivate(join(dataDir, f), join(partial, f));
    writeManifest(partial, now, schemaVersion, [DATABASE_FILE, ...keyFiles]);
    renameSync(partial, dir);
    return { dir, schemaVersion, keyFiles, removed: rotate(root, options.keep) };
  } catch (err) {
    rmSync(partial, { recursive: true, force: true });
    throw err;
  }
}

/** Deletes the oldest sets beyond `keep`; only folders named like a set made by createBackup. */
function rotate(root: string, keep: number): string[] {
  const sets = readdirSync(root).filter((n) => SET_NAME.test(n)).sort();
  const removed = sets.slice(0, Math.max(0, sets.length - keep)).map((n) => join(root, n));
  for (const dir of removed) rmSync(dir, { recursive: true, force: true });
  return removed;
}

/** The set's manifest, once every file it lists is checked against its SHA-256; only known file names are accepted. */
function readManifest(dir: string): Manifest {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Manifest;
  } catch {
    throw new BackupError(`${dir} n’est pas une sauvegarde (${MANIFEST} absent ou illisible).`);
  }
  const names = Object.keys(manifest.files ?? {});
  if (manifest.format !== 1 || !names.includes(DATABASE_FILE) || names.some((f) => f !== DATABASE_FILE && !KEY_FILES.includes(f))) {
    throw new BackupError(`${join(dir, MANIFEST)} ne décrit pas une sauvegarde de ce service.`);
  }
  for (const f of names) {
    const file = join(dir, f);
    if (!existsSync(file) || sha256(file) !== manifest.files[f]) throw new BackupError(`${file} est absent ou altéré (empreinte SHA-256 différente de celle du manifeste).`);
  }
  return manifest;
}

/** The set named by the operator: a path, or the name of a folder in DATA_DIR/backups/. */
function findSet(dataDir: string, backup: string): string {
  for (const dir of [resolve(backup), join(dataDir, BACKUPS_DIR, backup)]) if (existsSync(join(dir, MANIFEST))) return dir;
  throw new BackupError(`Sauvegarde introuvable : ${backup} (ni un dossier de sauvegarde, ni un nom de dossier dans ${join(dataDir, BACKUPS_DIR)}).`);
}

export interface RestoreResult {
  from: string;
  schemaVersion: number;
  keyFiles: string[];
  /** Where the replaced database (and keys) went, as a set that can be restored in turn; null if there was none. */
  replacedDir: string | null;
  warnings: string[];
}

/**
 * Puts a backup set in place of the data folder's database and keys, the server being stopped (refused otherwise).
 * The replaced database and keys are kept aside in DATA_DIR/backups/remplacee-<time>/. The service brings the
 * restored database's schema up to date when it starts.
 */
export function restoreBackup(dataDir: string, backup: string, options: { now?: Date } = {}): RestoreResult {
  const now = options.now ?? new Date();
  const from = findSet(dataDir, backup);
  const manifest = readManifest(from);
  const { problems, schemaVersion } = checkDatabase(join(from, DATABASE_FILE));
  if (problems.length) throw new BackupError(`La base de cette sauvegarde n’est pas intègre : ${problems.slice(0, 5).join(' ; ')}`);
  if (schemaVersion > LATEST_SCHEMA_VERSION) {
    throw new BackupError(`Cette sauvegarde vient d’une version plus récente du service (schéma ${schemaVersion} ; celle-ci s’arrête au schéma ${LATEST_SCHEMA_VERSION}) : mettez le service à jour avant de la restaurer.`);
  }
  const keyFiles = Object.keys(manifest.files).filter((f) => f !== DATABASE_FILE);
  const warnings: string[] = [];
  if (keyFiles.length === 0) warnings.push('Cette sauvegarde ne contient pas de clé (SECRET_KEY était défini ?) : le serveur doit démarrer avec la même SECRET_KEY qu’au moment de la sauvegarde.');

  privateDir(dataDir);
  const live = join(dataDir, DATABASE_FILE);
  let sound = true;
  if (existsSync(live)) {
    try {
      closeForReplacement(live);
    } catch (err) {
      if (err instanceof DatabaseInUseError) throw new BackupError(`La base ${live} est ouverte par un autre processus : arrêtez le serveur avant de restaurer.`);
      sound = false;
      warnings.push(`La base remplacée ne s’ouvre pas (${(err as Error).message}) : elle est mise de côté telle quelle, avec son journal.`);
    }
  }
  // The incoming files are copied in first, under temporary names: a failure before the swap leaves the folder as it was.
  const staged = [DATABASE_FILE, ...keyFiles].map((f) => ({ from: join(from, f), partial: join(dataDir, `${f}.restauration`), to: join(dataDir, f) }));
  try {
    for (const file of staged) copyPrivate(file.from, file.partial);
  } catch (err) {
    for (const file of staged) rmSync(file.partial, { force: true });
    throw err;
  }

  let replacedDir: string | null = null;
  if (existsSync(live)) {
    replacedDir = join(dataDir, BACKUPS_DIR, `remplacee-${stamp(now)}`);
    privateDir(replacedDir);
    // A sound database is one file now (its WAL folded in); one that does not open goes with its companions as they are.
    for (const f of sound ? [DATABASE_FILE] : [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`]) {
      if (existsSync(join(dataDir, f))) renameSync(join(dataDir, f), join(replacedDir, f));
    }
    const replacedKeys = keyFilesOf(dataDir);
    for (const f of replacedKeys) copyPrivate(join(dataDir, f), join(replacedDir, f));
    if (sound) writeManifest(replacedDir, now, checkDatabase(join(replacedDir, DATABASE_FILE)).schemaVersion, [DATABASE_FILE, ...replacedKeys]);
  }
  // A WAL left beside the restored file would be replayed into it.
  for (const suffix of ['-wal', '-shm']) rmSync(`${live}${suffix}`, { force: true });
  for (const file of staged) renameSync(file.partial, file.to);
  return { from, schemaVersion, keyFiles, replacedDir, warnings };
}
