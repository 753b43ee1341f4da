import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, createHarness, type Harness } from '../helpers/harness.ts';

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
    expect(me.body.user).toMatchObject({ email: ADMIN.email, role: 'admin', poleId: null });
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

  it('rate-limits failed logins with 429, even with the right password afterwards', async () => {
    const c = h.client();
    for (let i = 0; i < 10; i++) expect((await c.request('POST', '/api/session', { email: ADMIN.email, password: `faux-${i}` })).status).toBe(401);
    const blocked = await c.json('POST', '/api/session', { email: ADMIN.email, password: ADMIN.password });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('too_many_attempts');
    h.clock.now = new Date(h.clock.now.getTime() + 16 * 60_000);
    expect((await c.request('POST', '/api/session', { email: ADMIN.email, password: ADMIN.password })).status).toBe(204);
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
