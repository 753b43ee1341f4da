// `npm run restore -- <sauvegarde>`: puts a backup set (a folder path, or a folder name in DATA_DIR/backups/) in place
// of DATA_DIR's database and key, the server being stopped; the replaced ones are kept aside. Exits with 1 on failure.
import { readConfig } from './config.ts';
import { BackupError, restoreBackup } from './backups.ts';

const [backup] = process.argv.slice(2);
if (!backup) {
  console.error('Usage : npm run restore -- <dossier de sauvegarde> (un chemin, ou un nom de dossier de DATA_DIR/backups/ comme ptce-2026-03-01T02-00-00-000Z)');
  process.exit(1);
}
try {
  const config = readConfig();
  const result = restoreBackup(config.dataDir, backup);
  console.log(`Sauvegarde restaurée dans ${config.dataDir} : ${result.from} (schéma ${result.schemaVersion}).`);
  if (result.replacedDir) console.log(`La base et la clé remplacées sont gardées dans ${result.replacedDir} (restaurables de la même façon).`);
  for (const warning of result.warnings) console.warn(`Attention : ${warning}`);
  console.log('Démarrez le serveur : il met le schéma à jour si la sauvegarde vient d’une version précédente.');
} catch (err) {
  console.error(err instanceof BackupError ? err.message : err);
  process.exitCode = 1;
}
