import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeps, ensureAdmin } from '../../server/bootstrap.ts';
import { readConfig } from '../../server/config.ts';
import { verifyPassword } from '../../server/security/passwords.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ptce-boot-'));
  dirs.push(dir);
  return createDeps(readConfig({ DATA_DIR: dir }));
};

describe('first start', () => {
  it('creates the admin from ADMIN_EMAIL / ADMIN_PASSWORD once', async () => {
    const deps = fresh();
    expect(await ensureAdmin(deps.repos, { adminEmail: 'Labo@ESS.fr', adminPassword: 'mot-de-passe-du-labo' })).toEqual({ email: 'labo@ess.fr', generatedPassword: null });
    expect(await ensureAdmin(deps.repos, { adminEmail: 'autre@ess.fr', adminPassword: 'x' })).toBeNull();
    expect(deps.repos.users.list()).toHaveLength(1);
    expect(await verifyPassword('mot-de-passe-du-labo', deps.repos.users.findByEmail('labo@ess.fr')!.passwordHash)).toBe(true);
  });

  it('generates a password to print once when none is configured', async () => {
    const deps = fresh();
    const admin = await ensureAdmin(deps.repos, {});
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
