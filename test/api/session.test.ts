import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ADMIN, createHarness, type Client, type Harness } from '../helpers/harness.ts';
import { LOGIN_RULES, MAX_DELAY_MS } from '../../server/security/login-limiter.ts';
import { SESSION_IDLE_MS } from '../../server/auth.ts';
import { newId } from '../../server/security/tokens.ts';

let h: Harness;
beforeEach(async () => (h = await createHarness()));
afterEach(() => h.close());

describe('session', () => {
  it('logs in with a HttpOnly, SameSite=Lax cookie and returns the user with a CSRF token', async () => {
    const c = h.client();
    const res = await c.request('POST', '/api/session', { email: ADMIN.email, password: ADMIN.password });
    expect(res.status).toBe(204);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^ptce_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/); // plain HTTP here; Secure is set over HTTPS
    const me = await c.json('GET', '/api/session');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ email: ADMIN.email, role: 'admin', poleId: null, disabled: false });
    expect(me.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('sets Secure on the cookie behind HTTPS', async () => {
    const res = await h.app.request('https://ptce.example/api/session', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
    });
    expect(res.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('stores only a hash of the session token', async () => {
    const c = h.client();
    const res = await c.request('POST', '/api/session', { email: ADMIN.email, password: ADMIN.password });
    const token = res.headers.get('set-cookie')!.split(';')[0].split('=')[1];
    const rows = h.deps.repos.db.prepare('SELECT token_hash FROM sessions').pluck().all() as string[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).not.toBe(token);
  });

  it('refuses a wrong password with 401 in French, and unknown accounts alike', async () => {
    const c = h.client();
    const wrong = await c.json('POST', '/api/session', { email: ADMIN.email, password: 'faux-mot-de-passe' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toEqual({ code: 'invalid_credentials', message: 'Adresse e-mail ou mot de passe incorrect.' });
    const unknown = await c.json('POST', '/api/session', { email: 'personne@nulle.part', password: 'x' });
    expect(unknown.status).toBe(401);
    expect((await c.json('GET', '/api/session')).status).toBe(401);
  });

  it('rejects a malformed login body with 422 listing the fields', async () => {
    const res = await h.client().json('POST', '/api/session', { email: 3 });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('validation');
    expect(res.body.error.details.map((d: any) => d.question)).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('rejects invalid JSON with a JSON 400, never a 500', async () => {
    const res = await h.app.request('http://localhost/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('bad_request');
  });

  it('requires the CSRF header on cookie-authenticated writes, and logs out', async () => {
    const c = await h.admin();
    const noCsrf = await c.request('POST', '/api/poles', { name: 'Pôle sans jeton' }, { 'x-csrf-token': '' });
    expect(noCsrf.status).toBe(403);
    expect((await noCsrf.json()).error.code).toBe('csrf');
    expect((await c.request('DELETE', '/api/session', undefined, { 'x-csrf-token': 'faux' })).status).toBe(403);
    expect((await c.request('DELETE', '/api/session')).status).toBe(204);
    expect((await c.json('GET', '/api/session')).status).toBe(401);
  });
});

const login = (c: Client, email: string, password: string, headers: Record<string, string> = {}) => c.request('POST', '/api/session', { email, password }, headers);
const advance = (ms: number) => (h.clock.now = new Date(h.clock.now.getTime() + ms));
/** Creates an account without signing it in. */
async function account(email: string, password = 'mot-de-passe-compte') {
  const pole = h.deps.repos.poles.create({ id: newId(), name: `Pôle de ${email}`, region: null, departement: null, createdAt: h.clock.now.toISOString() });
  h.deps.repos.users.create({ id: newId(), email, role: 'coordinator', poleId: pole.id }, await h.deps.passwords.hash(password), h.clock.now.toISOString());
  return { email, password };
}
/** A wrong password, after waiting out any delay the limiter asks for: what a patient attacker does. */
async function failPatiently(email: string, headers: Record<string, string> = {}) {
  for (;;) {
    const res = await login(h.client(), email, 'pas-le-bon-mot-de-passe', headers);
    if (res.status === 401) return;
    expect(res.status).toBe(429);
    advance(Number(res.headers.get('retry-after')) * 1000);
  }
}

describe('login limiter', () => {
  it('checks at most 5 of 30 parallel wrong passwords, one after the other, and refuses the rest with 429', async () => {
    const verify = vi.spyOn(h.deps.passwords, 'verify');
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => login(h.client(), ADMIN.email, `faux-${i}`)));
    const statuses = results.map((r) => r.status);
    expect(verify).toHaveBeenCalledTimes(LOGIN_RULES.pair.free);
    expect(statuses.filter((s) => s === 401)).toHaveLength(LOGIN_RULES.pair.free);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - LOGIN_RULES.pair.free);
  });

  it('makes each failure past the first five wait a doubling delay (429, Retry-After), then lets the right password in', async () => {
    const c = h.client();
    for (let i = 0; i < 5; i++) expect((await login(c, ADMIN.email, `faux-${i}`)).status).toBe(401);
    const wait = await login(c, ADMIN.email, ADMIN.password);
    expect(wait.status).toBe(429);
    expect(wait.headers.get('retry-after')).toBe('1');
    expect((await wait.json()).error).toEqual({ code: 'too_many_attempts', message: 'Trop de tentatives de connexion. Réessayez dans 1 seconde.' });
    advance(1000);
    expect((await login(c, ADMIN.email, 'faux-5')).status).toBe(401);
    const longer = await login(c, ADMIN.email, ADMIN.password);
    expect(longer.headers.get('retry-after')).toBe('2');
    advance(1999);
    expect((await login(c, ADMIN.email, ADMIN.password)).status).toBe(429);
    advance(1);
    expect((await login(c, ADMIN.email, ADMIN.password)).status).toBe(204);
    // Signed in: the slate is clean, a typo no longer waits.
    expect((await login(h.client(), ADMIN.email, 'faux')).status).toBe(401);
    expect((await login(h.client(), ADMIN.email, ADMIN.password)).status).toBe(204);
  });

  it('lets the admin in at most 15 minutes after an attacker who kept guessing stops', async () => {
    for (let i = 0; i < 25; i++) await failPatiently(ADMIN.email);
    const refused = await login(h.client(), ADMIN.email, ADMIN.password);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBe(MAX_DELAY_MS / 1000);
    expect((await refused.json()).error.message).toBe('Trop de tentatives de connexion. Réessayez dans 15 minutes.');
    advance(retryAfter * 1000);
    expect((await login(h.client(), ADMIN.email, ADMIN.password)).status).toBe(204);
  });

  it('does not hold two users behind the same proxy address back for a third one’s failures', async () => {
    const [alice, bob, carol] = await Promise.all(['alice@pole.test', 'bob@pole.test', 'carol@pole.test'].map((e) => account(e)));
    // Without TRUST_PROXY every request comes from the proxy's address.
    for (let i = 0; i < 15; i++) await failPatiently(carol.email);
    expect((await login(h.client(), alice.email, alice.password)).status).toBe(204);
    expect((await login(h.client(), bob.email, bob.password)).status).toBe(204);
    expect((await login(h.client(), carol.email, 'pas-le-bon-mot-de-passe')).status).toBe(429);
  });

  it('ignores X-Forwarded-For and X-Forwarded-Proto without TRUST_PROXY', async () => {
    for (let i = 1; i <= 5; i++) expect((await login(h.client(), ADMIN.email, 'faux', { 'x-forwarded-for': `198.51.100.${i}` })).status).toBe(401);
    // Invented addresses do not make a sixth source: it is the same caller.
    expect((await login(h.client(), ADMIN.email, 'faux', { 'x-forwarded-for': '198.51.100.6' })).status).toBe(429);
    advance(MAX_DELAY_MS);
    const res = await login(h.client(), ADMIN.email, ADMIN.password, { 'x-forwarded-proto': 'https' });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).not.toMatch(/Secure/);
  });
});

describe('behind a trusted proxy (TRUST_PROXY)', () => {
  beforeEach(async () => {
    h.close();
    h = await createHarness({ trustProxy: true });
  });

  it('counts per address the proxy appended (the last of X-Forwarded-For), and per account across addresses', async () => {
    // The entries before the last are the client's own claims: changing them changes nothing.
    for (let i = 1; i <= 5; i++) expect((await login(h.client(), ADMIN.email, 'faux', { 'x-forwarded-for': `10.0.0.${i}, 203.0.113.7` })).status).toBe(401);
    expect((await login(h.client(), ADMIN.email, ADMIN.password, { 'x-forwarded-for': '10.0.0.6, 203.0.113.7' })).status).toBe(429);
    // The admin at another address is not held back by that one's five failures.
    expect((await login(h.client(), ADMIN.email, ADMIN.password, { 'x-forwarded-for': '203.0.113.8' })).status).toBe(204);
    // Guesses spread over many addresses still meet the account's own limit.
    for (let i = 1; i <= LOGIN_RULES.account.free; i++) {
      expect((await login(h.client(), ADMIN.email, 'faux', { 'x-forwarded-for': `192.0.2.${i}` })).status).toBe(401);
    }
    expect((await login(h.client(), ADMIN.email, ADMIN.password, { 'x-forwarded-for': '192.0.2.200' })).status).toBe(429);
  });

  it('sets Secure on the cookie when the proxy says the request came over HTTPS', async () => {
    const res = await login(h.client(), ADMIN.email, ADMIN.password, { 'x-forwarded-proto': 'https' });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/Secure/);
  });
});

describe('session lifetime', () => {
  const sessionCookie = (c: Client) => c.cookies.get('ptce_session');

  it('gives a new session id at every login and ends the one the browser held', async () => {
    const c = await h.admin();
    const first = sessionCookie(c)!;
    expect((await c.login(ADMIN.email, ADMIN.password)).status).toBe(204);
    expect(sessionCookie(c)).not.toBe(first);
    expect(h.deps.repos.db.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(1);
    const stale = await h.app.request('http://localhost/api/session', { headers: { cookie: `ptce_session=${first}` } });
    expect(stale.status).toBe(401);
  });

  it('ends a session unused for 2 hours, and keeps one in use, recording use at most once a minute', async () => {
    const c = await h.admin();
    const lastSeen = () => h.deps.repos.db.prepare('SELECT last_seen_at FROM sessions').pluck().get();
    const signedInAt = lastSeen();
    advance(30_000);
    expect((await c.json('GET', '/api/session')).status).toBe(200);
    expect(lastSeen()).toBe(signedInAt); // less than a minute: no write
    advance(SESSION_IDLE_MS - 60_000);
    expect((await c.json('GET', '/api/session')).status).toBe(200);
    expect(lastSeen()).toBe(h.clock.now.toISOString());
    advance(SESSION_IDLE_MS - 1000);
    expect((await c.json('GET', '/api/session')).status).toBe(200);
    advance(SESSION_IDLE_MS);
    expect((await c.json('GET', '/api/session')).status).toBe(401);
  });

  it('still ends a session used all along after 14 days', async () => {
    const c = await h.admin();
    for (let hours = 0; hours < 14 * 24; hours++) {
      advance(60 * 60_000);
      expect((await c.json('GET', '/api/session')).status, `après ${hours + 1} h`).toBe(hours + 1 < 14 * 24 ? 200 : 401);
    }
  });
});
