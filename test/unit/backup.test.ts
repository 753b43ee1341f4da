// Backup and restore of a data folder: an online copy under writes (another process and the app itself keep
// committing), restored into a fresh folder that the app then reads; rotation, permissions, and the refusals that
// protect a restore (server running, altered set, newer schema).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { completeAnswers, createLinks, poleWithCampaign } from '../helpers/scenario.ts';
import { BACKUPS_DIR, createBackup, restoreBackup } from '../../server/backups.ts';
import { createDeps } from '../../server/bootstrap.ts';
import { readConfig } from '../../server/config.ts';
import { poleResults } from '../../server/pole-results.ts';

const dirs: string[] = [];
let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ptce-restore-'));
  dirs.push(dir);
  return dir;
};
const mode = (path: string) => statSync(path).mode & 0o777;
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/**
 * Another process writing into the live database as fast as it can (audit rows: a table without foreign keys), as a
 * server would while the backup runs. Resolves once it has committed its first rows.
 */
function startWriter(file: string) {
  const script = `
    const Database = require(process.argv[1]);
    const db = new Database(process.argv[2], { timeout: 5000 });
    const insert = db.prepare("INSERT INTO audit_log (at, action, detail) VALUES (?, 'login.failed', 'écrit pendant la sauvegarde')");
    const until = Date.now() + 20000;
    for (let n = 1; Date.now() < until; n++) {
      insert.run(new Date().toISOString());
      if (n === 50) process.stdout.write('prêt\\n');
    }`;
  const child = spawn(process.execPath, ['-e', script, createRequire(import.meta.url).resolve('better-sqlite3'), file], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', () => resolve());
    child.on('exit', (code) => reject(new Error(`writer exited early (${code})`)));
  });
  const stop = () => new Promise<void>((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill();
  });
  return { ready, stop };
}

describe('backup and restore', () => {
  it('copies a live database under writes; restored in a fresh folder, it is sound, complete up to the backup and read by the app', async () => {
    h = await createHarness();
    const { coordinator, base, pole, campaign } = await poleWithCampaign(h);
    const links = await createLinks(coordinator, base, { count: 40 });
    const submit = async (i: number) => {
      const res = await h!.client().json('POST', `/api/responses/${links[i].token}/submit`, { data: completeAnswers(h!, 'ess', i) });
      expect(res.status).toBe(201);
    };
    for (let i = 0; i < 6; i++) await submit(i);

    const db = h.deps.repos.db;
    const writer = startWriter(join(h.dataDir, 'ptce.sqlite'));
    await writer.ready;
    // The app keeps taking submissions too, between the backup's steps.
    let submitting = true;
    let next = 6;
    const app = (async () => {
      while (submitting && next < links.length) await submit(next++);
    })();
    const committed = {
      audit: db.prepare('SELECT id FROM audit_log ORDER BY id').pluck().all() as number[],
      responses: db.prepare('SELECT id FROM responses ORDER BY id').pluck().all() as string[],
    };
    const backup = await createBackup(h.dataDir, { keep: 14 });
    // The copy holds at most what was committed when it ended; the writer must add at least one row after that
    // (on a loaded machine it may not have written during the backup itself), so that « went on » is checked for sure.
    const count = () => db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    const atBackupEnd = count();
    for (let waited = 0; count() <= atBackupEnd && waited < 10_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    submitting = false;
    await app;
    await writer.stop();
    const liveAudit = db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;

    expect(mode(join(h.dataDir, BACKUPS_DIR))).toBe(0o700);
    expect(mode(backup.dir)).toBe(0o700);
    expect(readdirSync(backup.dir).sort()).toEqual(['manifest.json', 'ptce.sqlite', 'secret.key']);
    for (const f of readdirSync(backup.dir)) expect(mode(join(backup.dir, f)), f).toBe(0o600);

    const target = freshDir();
    const restored = restoreBackup(target, backup.dir);
    expect(restored).toMatchObject({ replacedDir: null, keyFiles: ['secret.key'], warnings: [] });
    const copy = new Database(join(target, 'ptce.sqlite'), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const audit = new Set(copy.prepare('SELECT id FROM audit_log').pluck().all() as number[]);
    const responses = new Set(copy.prepare('SELECT id FROM responses').pluck().all() as string[]);
    copy.close();
    expect(committed.audit.filter((id) => !audit.has(id))).toEqual([]);
    expect(committed.responses.filter((id) => !responses.has(id))).toEqual([]);
    // Writes went on around the backup: the live database has rows the copy does not.
    expect(liveAudit).toBeGreaterThan(audit.size);

    // The app opens the restored folder: the results read the copied responses, the copied key opens the links.
    const deps = createDeps(readConfig({ DATA_DIR: target }));
    try {
      const info = deps.repos.responses.snapshotInfo(pole.id, campaign.id);
      expect(info.included + info.pending).toBe(responses.size);
      expect(poleResults(deps, deps.repos.poles.get(pole.id)!, deps.repos.campaigns.get(campaign.id)!).snapshot.responses).toBe(info.included);
      expect(info.included).toBeGreaterThanOrEqual(6);
      const sealed = deps.repos.invitations.list(pole.id, campaign.id).map((i) => deps.sealer.open(i.tokenSealed));
      expect(sealed).toEqual(expect.arrayContaining(links.map((l) => l.token)));
    } finally {
      deps.repos.close();
    }
  });

  it('keeps the BACKUP_KEEP newest sets, and nothing but sets is deleted', async () => {
    h = await createHarness();
    const root = join(h.dataDir, BACKUPS_DIR);
    const made = [];
    for (const day of ['01', '02', '03']) made.push(await createBackup(h.dataDir, { keep: 2, now: new Date(`2026-03-${day}T02:00:00Z`) }));
    expect(made.map((m) => m.removed)).toEqual([[], [], [made[0].dir]]);
    writeFileSync(join(root, 'notes.txt'), 'à garder');
    await createBackup(h.dataDir, { keep: 2, now: new Date('2026-03-04T02:00:00Z') });
    expect(readdirSync(root).sort()).toEqual(['notes.txt', 'ptce-2026-03-03T02-00-00-000Z', 'ptce-2026-03-04T02-00-00-000Z']);
  });

  it('refuses to restore under a running server, or an altered or newer set; keeps the replaced database restorable', async () => {
    h = await createHarness();
    await h.admin();
    const dataDir = h.dataDir;
    const live = join(dataDir, 'ptce.sqlite');
    const { dir } = await createBackup(dataDir, { keep: 14, now: new Date('2026-03-01T02:00:00Z') });
    const adminsAtBackup = h.deps.repos.db.prepare('SELECT count(*) FROM users').pluck().get();
    h.deps.repos.users.create({ id: 'ajout', email: 'apres@sauvegarde.test', role: 'admin', poleId: null }, 'x', new Date().toISOString());

    // The app holds the database open: refused, nothing touched.
    const before = readdirSync(dataDir).sort();
    expect(() => restoreBackup(dataDir, dir)).toThrow(/arrêtez le serveur/);
    expect(readdirSync(dataDir).sort()).toEqual(before);
    h.deps.repos.close();

    // An altered file, or a set from a newer version of the service, is refused before anything is replaced.
    const altered = join(freshDir(), 'copie');
    const copySet = () => {
      rmSync(altered, { recursive: true, force: true });
      cpSync(dir, altered, { recursive: true });
    };
    copySet();
    writeFileSync(join(altered, 'secret.key'), 'autre clé');
    expect(() => restoreBackup(dataDir, altered)).toThrow(/altéré/);
    copySet();
    const newer = new Database(join(altered, 'ptce.sqlite'));
    newer.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'à venir', 'plus tard')").run();
    newer.close();
    const manifest = JSON.parse(readFileSync(join(altered, 'manifest.json'), 'utf8'));
    manifest.files['ptce.sqlite'] = sha256(join(altered, 'ptce.sqlite'));
    writeFileSync(join(altered, 'manifest.json'), JSON.stringify(manifest));
    expect(() => restoreBackup(dataDir, altered)).toThrow(/version plus récente/);
    expect(existsSync(join(dataDir, BACKUPS_DIR, 'remplacee-2026-03-02T08-00-00-000Z'))).toBe(false);

    // Stopped: restored by its name; the replaced database (with the later account) is kept aside, as a set.
    const result = restoreBackup(dataDir, 'ptce-2026-03-01T02-00-00-000Z', { now: new Date('2026-03-02T08:00:00Z') });
    expect(result.replacedDir).toBe(join(dataDir, BACKUPS_DIR, 'remplacee-2026-03-02T08-00-00-000Z'));
    expect(readdirSync(result.replacedDir!).sort()).toEqual(['manifest.json', 'ptce.sqlite', 'secret.key']);
    const count = (file: string) => {
      const db = new Database(file, { readonly: true });
      const n = db.prepare('SELECT count(*) FROM users').pluck().get();
      db.close();
      return n;
    };
    expect(count(live)).toBe(adminsAtBackup);
    expect(count(join(result.replacedDir!, 'ptce.sqlite'))).toBe((adminsAtBackup as number) + 1);
    expect(existsSync(`${live}-wal`)).toBe(false);
    expect(mode(live)).toBe(0o600);
    // …and can be put back the same way.
    restoreBackup(dataDir, result.replacedDir!, { now: new Date('2026-03-02T09:00:00Z') });
    expect(count(live)).toBe((adminsAtBackup as number) + 1);
    h = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });
});
