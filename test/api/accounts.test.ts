// Accounts: changing one's password, disabling an account, password hashes upgraded at login, the first admin's
// password held to the policy.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, createHarness, type Client, type Harness } from '../helpers/harness.ts';
import { createPasswordHasher, hashPassword, verifyPassword } from '../../server/security/passwords.ts';
import { readConfig } from '../../server/config.ts';
import { newId } from '../../server/security/tokens.ts';

let h: Harness;
beforeEach(async () => (h = await createHarness()));
afterEach(() => h.close());

const COORDINATOR = { email: 'coord@pole.test', password: 'mot-de-passe-coord' };

async function coordinatorAccount() {
  const pole = h.deps.repos.poles.create({ id: newId(), name: 'Pôle des Coteaux', region: null, departement: null, createdAt: h.clock.now.toISOString() });
  const user = h.deps.repos.users.create({ id: newId(), email: COORDINATOR.email, role: 'coordinator', poleId: pole.id }, await h.deps.passwords.hash(COORDINATOR.password), h.clock.now.toISOString());
  return user;
}

async function signedIn(email: string, password: string): Promise<Client> {
  const c = h.client();
  expect((await c.login(email, password)).status).toBe(204);
  return c;
}

describe('PUT /api/session/password', () => {
  it('changes the password, closes the account’s other sessions and keeps this one', async () => {
    await coordinatorAccount();
    const here = await signedIn(COORDINATOR.email, COORDINATOR.password);
    const elsewhere = await signedIn(COORDINATOR.email, COORDINATOR.password);
    const admin = await h.admin();
    const res = await here.request('PUT', '/api/session/password', { currentPassword: COORDINATOR.password, newPassword: 'un-nouveau-mot-de-passe' });
    expect(res.status).toBe(204);
    expect((await here.json('GET', '/api/session')).status).toBe(200);
    expect((await elsewhere.json('GET', '/api/session')).status).toBe(401);
    expect((await admin.json('GET', '/api/session')).status).toBe(200); // another account's session is untouched
    expect((await h.client().login(COORDINATOR.email, COORDINATOR.password)).status).toBe(401);
    expect((await h.client().login(COORDINATOR.email, 'un-nouveau-mot-de-passe')).status).toBe(204);
    // The session kept is still good for writes: same CSRF token.
    expect((await here.request('PUT', '/api/session/password', { currentPassword: 'un-nouveau-mot-de-passe', newPassword: 'encore-un-autre-mot' })).status).toBe(204);
  });

  it('refuses a wrong current password with 422 on currentPassword, in French, and changes nothing', async () => {
    const admin = await h.admin();
    const res = await admin.json('PUT', '/api/session/password', { currentPassword: 'pas-le-bon', newPassword: 'un-nouveau-mot-de-passe' });
    expect(res.status).toBe(422);
    expect(res.body.error).toEqual({
      code: 'validation',
      message: 'Le mot de passe actuel est incorrect.',
      details: [{ question: 'currentPassword', message: 'Le mot de passe actuel est incorrect.' }],
    });
    expect((await h.client().login(ADMIN.email, ADMIN.password)).status).toBe(204);
  });

  it('holds the new password to the policy of account creation, and refuses the current one again', async () => {
    const admin = await h.admin();
    const short = await admin.json('PUT', '/api/session/password', { currentPassword: ADMIN.password, newPassword: 'court' });
    expect(short.status).toBe(422);
    expect(short.body.error.details).toEqual([{ question: 'newPassword', message: 'Le mot de passe doit faire au moins 10 caractères.' }]);
    const created = await admin.json('POST', '/api/users', { email: 'x@pole.test', password: 'court', poleId: 'p' });
    expect(created.body.error.details).toContainEqual({ question: 'password', message: 'Le mot de passe doit faire au moins 10 caractères.' });
    const same = await admin.json('PUT', '/api/session/password', { currentPassword: ADMIN.password, newPassword: ADMIN.password });
    expect(same.status).toBe(422);
    expect(same.body.error.details).toEqual([{ question: 'newPassword', message: 'Le nouveau mot de passe doit être différent de l’actuel.' }]);
  });

  it('is throttled like a login: guesses of the current password from an open session meet the same delays', async () => {
    const admin = await h.admin();
    for (let i = 0; i < 5; i++) expect((await admin.request('PUT', '/api/session/password', { currentPassword: `faux-${i}`, newPassword: 'un-nouveau-mot-de-passe' })).status).toBe(422);
    const res = await admin.request('PUT', '/api/session/password', { currentPassword: ADMIN.password, newPassword: 'un-nouveau-mot-de-passe' });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
  });

  it('needs a session and the CSRF header', async () => {
    const body = { currentPassword: ADMIN.password, newPassword: 'un-nouveau-mot-de-passe' };
    expect((await h.client().request('PUT', '/api/session/password', body)).status).toBe(401);
    const admin = await h.admin();
    expect((await admin.request('PUT', '/api/session/password', body, { 'x-csrf-token': 'faux' })).status).toBe(403);
  });
});

describe('PATCH /api/users/:userId', () => {
  it('disables an account: its sessions stop at once, it cannot sign in (403 account_disabled), and enabling it undoes that', async () => {
    const user = await coordinatorAccount();
    const coordinator = await signedIn(COORDINATOR.email, COORDINATOR.password);
    const admin = await h.admin();

    const disabled = await admin.json('PATCH', `/api/users/${user.id}`, { disabled: true });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toEqual({ id: user.id, email: COORDINATOR.email, role: 'coordinator', poleId: user.poleId, disabled: true });
    expect((await coordinator.json('GET', '/api/session')).status).toBe(401);
    expect(h.deps.repos.db.prepare('SELECT count(*) FROM sessions WHERE user_id = ?').pluck().get(user.id)).toBe(0);
    expect((await admin.json('GET', '/api/users')).body.users).toContainEqual({ ...disabled.body });

    const refused = await h.client().json('POST', '/api/session', COORDINATOR);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toEqual({ code: 'account_disabled', message: 'Ce compte a été désactivé. Adressez-vous à l’administration du Labo.' });
    // A wrong password learns nothing about the account's state.
    expect((await h.client().json('POST', '/api/session', { email: COORDINATOR.email, password: 'pas-le-bon' })).status).toBe(401);

    const enabled = await admin.json('PATCH', `/api/users/${user.id}`, { disabled: false });
    expect(enabled.status).toBe(200);
    expect(enabled.body.disabled).toBe(false);
    expect((await h.client().login(COORDINATOR.email, COORDINATOR.password)).status).toBe(204);
  });

  it('refuses every session of a disabled account at its next request, however it was disabled', async () => {
    const user = await coordinatorAccount();
    const admin = await h.admin();
    const coordinator = await signedIn(COORDINATOR.email, COORDINATOR.password);
    // Disabled straight in storage, as a restore or another process could: no session of it may work.
    h.deps.repos.users.setDisabledAt(user.id, h.clock.now.toISOString());
    expect((await coordinator.json('GET', '/api/session')).status).toBe(401);
    expect((await admin.json('GET', '/api/session')).status).toBe(200);
  });

  it('refuses to let the admin disable their own account (409), an unknown account (404), a coordinator (403), a bad body (422)', async () => {
    const admin = await h.admin();
    const me = (await admin.json('GET', '/api/session')).body.user;
    const self = await admin.json('PATCH', `/api/users/${me.id}`, { disabled: true });
    expect(self.status).toBe(409);
    expect(self.body.error).toEqual({ code: 'cannot_disable_self', message: 'Vous ne pouvez pas désactiver votre propre compte.' });
    expect((await admin.json('GET', '/api/session')).status).toBe(200);
    expect((await admin.json('PATCH', '/api/users/inconnu', { disabled: true })).status).toBe(404);
    expect((await admin.json('PATCH', `/api/users/${me.id}`, { disabled: 'oui' })).status).toBe(422);
    const user = await coordinatorAccount();
    const coordinator = await signedIn(COORDINATOR.email, COORDINATOR.password);
    expect((await coordinator.json('PATCH', `/api/users/${user.id}`, { disabled: true })).status).toBe(403);
    expect((await h.client().json('PATCH', `/api/users/${user.id}`, { disabled: true })).status).toBe(401);
  });
});

describe('password hashes', () => {
  it('are made with scrypt N=2^17, r=8, p=1 by default, parameters stored in the hash', async () => {
    const hash = await hashPassword('un-mot-de-passe');
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPassword('un-mot-de-passe', hash)).toBe(true);
    expect(await verifyPassword('un-autre-mot', hash)).toBe(false);
  });

  it('made with older parameters are redone at the current cost at the next successful login', async () => {
    h.close();
    h = await createHarness({ passwords: createPasswordHasher() });
    const old = await hashPassword(COORDINATOR.password, { N: 16384, r: 8, p: 1 });
    const pole = h.deps.repos.poles.create({ id: 'p1', name: 'Pôle', region: null, departement: null, createdAt: h.clock.now.toISOString() });
    h.deps.repos.users.create({ id: 'u1', email: COORDINATOR.email, role: 'coordinator', poleId: pole.id }, old, h.clock.now.toISOString());
    expect((await h.client().login(COORDINATOR.email, 'pas-le-bon-mot')).status).toBe(401);
    expect(h.deps.repos.users.findByEmail(COORDINATOR.email)!.passwordHash).toBe(old); // a failed login changes nothing
    expect((await h.client().login(COORDINATOR.email, COORDINATOR.password)).status).toBe(204);
    const upgraded = h.deps.repos.users.findByEmail(COORDINATOR.email)!.passwordHash;
    expect(upgraded).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword(COORDINATOR.password, upgraded)).toBe(true);
    expect((await h.client().login(COORDINATOR.email, COORDINATOR.password)).status).toBe(204);
  });
});

describe('configuration', () => {
  it('refuses to start with an ADMIN_PASSWORD weaker than the policy, saying why in French', () => {
    expect(() => readConfig({ ADMIN_PASSWORD: 'admin123' })).toThrow(
      'ADMIN_PASSWORD refusé : Le mot de passe doit faire au moins 10 caractères. Choisissez-en un plus long, ou retirez ADMIN_PASSWORD pour qu’un mot de passe soit généré.',
    );
    expect(readConfig({ ADMIN_PASSWORD: 'un-mot-de-passe-long' }).adminPassword).toBe('un-mot-de-passe-long');
  });

  it('reads TRUST_PROXY as 1 or 0, off by default', () => {
    expect(readConfig({}).trustProxy).toBe(false);
    expect(readConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(true);
    expect(readConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(() => readConfig({ TRUST_PROXY: 'peut-être' })).toThrow('TRUST_PROXY invalide : peut-être (attendu : 1 ou 0)');
  });
});
