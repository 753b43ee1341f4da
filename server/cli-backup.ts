// `npm run backup`: a backup set of DATA_DIR (database copied online, while the server runs, and its key) in
// DATA_DIR/backups/, keeping the BACKUP_KEEP newest. Meant for a daily cron job; exits with 1 on failure.
import { readConfig } from './config.ts';
import { BackupError, createBackup } from './backups.ts';

try {
  const config = readConfig();
  const result = await createBackup(config.dataDir, { keep: config.backupKeep });
  console.log(`Sauvegarde écrite : ${result.dir} (schéma ${result.schemaVersion} ; ${result.keyFiles.length ? `avec ${result.keyFiles.join(', ')}` : 'sans fichier de clé'}).`);
  if (config.secretKey) console.log('La clé vient de SECRET_KEY : elle n’est pas dans la sauvegarde, conservez-la à part.');
  for (const dir of result.removed) console.log(`Ancienne sauvegarde supprimée (BACKUP_KEEP=${config.backupKeep}) : ${dir}`);
} catch (err) {
  console.error(err instanceof BackupError ? err.message : err);
  process.exitCode = 1;
}
