import { afterEach, describe, expect, it, vi } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeps, ensureAdmin } from '../../server/bootstrap.ts';
import { readConfig } from '../../server/config.ts';
import { createPasswordHasher, verifyPassword } from '../../server/security/passwords.ts';
import { TEST_SCRYPT } from '../helpers/harness.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ptce-boot-'));
  dirs.push(dir);
  return createDeps(readConfig({ DATA_DIR: dir }), undefined, { passwords: createPasswordHasher(TEST_SCRYPT) });
};

describe('first start', () => {
  it('creates the admin from ADMIN_EMAIL / ADMIN_PASSWORD once', async () => {
    const deps = fresh();
    expect(await ensureAdmin(deps, { adminEmail: 'Labo@ESS.fr', adminPassword: 'mot-de-passe-du-labo' })).toEqual({ email: 'labo@ess.fr', generatedPassword: null });
    expect(await ensureAdmin(deps, { adminEmail: 'autre@ess.fr', adminPassword: 'x' })).toBeNull();
    expect(deps.repos.users.list()).toHaveLength(1);
    expect(await verifyPassword('mot-de-passe-du-labo', deps.repos.users.findByEmail('labo@ess.fr')!.passwordHash)).toBe(true);
  });

  it('generates a password to print once when none is configured', async () => {
    const deps = fresh();
    const admin = await ensureAdmin(deps, {});
    expect(admin!.generatedPassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(await verifyPassword(admin!.generatedPassword!, deps.repos.users.findByEmail(admin!.email)!.passwordHash)).toBe(true);
  });

  it('keeps the key that seals invitation tokens outside the database, readable by its owner only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptce-boot-'));
    dirs.push(dir);
    const deps = createDeps(readConfig({ DATA_DIR: dir }));
    const sealed = deps.sealer.seal('jeton');
    expect(statSync(join(dir, 'secret.key')).mode & 0o077).toBe(0);
    deps.repos.db.close();
    expect(createDeps(readConfig({ DATA_DIR: dir })).sealer.open(sealed)).toBe('jeton');
  });
});

describe('the data folder', () => {
  const modeOf = (path: string) => statSync(path).mode & 0o777;
  const tempParent = () => {
    const parent = mkdtempSync(join(tmpdir(), 'ptce-perms-'));
    dirs.push(parent);
    return parent;
  };

  it('is created readable by its owner only (0700), with the database and key files 0600', () => {
    const dir = join(tempParent(), 'donnees');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const deps = createDeps(readConfig({ DATA_DIR: dir }));
    deps.repos.users.list(); // the WAL files exist once the database has been used
    expect(modeOf(dir)).toBe(0o700);
    for (const file of ['ptce.sqlite', 'ptce.sqlite-wal', 'ptce.sqlite-shm', 'secret.key']) expect(modeOf(join(dir, file)), file).toBe(0o600);
    expect(warn).not.toHaveBeenCalled();
    deps.repos.close();
    warn.mockRestore();
  });

  it('is closed at start when found more open, saying so in French', () => {
    const dir = join(tempParent(), 'restaure');
    createDeps(readConfig({ DATA_DIR: dir })).repos.close();
    // As `cp -r` or `tar x` under umask 022 would leave a restored folder.
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'ptce.sqlite'), 0o644);
    chmodSync(join(dir, 'secret.key'), 0o640);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const deps = createDeps(readConfig({ DATA_DIR: dir }));
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(join(dir, 'ptce.sqlite'))).toBe(0o600);
    expect(modeOf(join(dir, 'secret.key'))).toBe(0o600);
    expect(warn.mock.calls.map(([message]) => message)).toEqual([
      `Attention : ${dir} était accessible à d’autres utilisateurs (droits 0755) ; droits ramenés à 0700. Vérifiez comment il a été créé ou copié.`,
      `Attention : ${join(dir, 'ptce.sqlite')} était accessible à d’autres utilisateurs (droits 0644) ; droits ramenés à 0600. Vérifiez comment il a été créé ou copié.`,
      `Attention : ${join(dir, 'secret.key')} était accessible à d’autres utilisateurs (droits 0640) ; droits ramenés à 0600. Vérifiez comment il a été créé ou copié.`,
    ]);
    deps.repos.close();
    warn.mockRestore();
  });

  it('keeps an existing folder that is already private as it is', () => {
    const dir = join(tempParent(), 'prive');
    mkdirSync(dir, { mode: 0o700 });
    writeFileSync(join(dir, 'secret.key'), randomBytes(32).toString('base64'), { mode: 0o400 });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    createDeps(readConfig({ DATA_DIR: dir })).repos.close();
    expect(modeOf(join(dir, 'secret.key'))).toBe(0o400);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});
