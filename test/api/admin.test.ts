import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';

let h: Harness;
beforeEach(async () => (h = await createHarness()));
afterEach(() => h.close());

describe('poles, coordinators, campaigns, questionnaires', () => {
  it('lets the admin create, list, read and rename poles', async () => {
    const admin = await h.admin();
    const created = await admin.json('POST', '/api/poles', { name: 'Pôle Sud Archipel', region: 'Occitanie', departement: '34' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Pôle Sud Archipel', region: 'Occitanie', departement: '34' });
    const id = created.body.id;
    expect((await admin.json('GET', '/api/poles')).body.poles.map((p: any) => p.id)).toEqual([id]);
    expect((await admin.json('GET', `/api/poles/${id}`)).body.name).toBe('Pôle Sud Archipel');
    const patched = await admin.json('PATCH', `/api/poles/${id}`, { name: 'Archipel Sud' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Archipel Sud', region: 'Occitanie' });
    expect((await admin.json('GET', '/api/poles/inconnu')).status).toBe(404);
    expect((await admin.json('POST', '/api/poles', { name: '' })).status).toBe(422);
  });

  it('keeps a coordinator inside their own pole (403 elsewhere) and out of admin routes', async () => {
    const admin = await h.admin();
    const a = (await admin.json('POST', '/api/poles', { name: 'Pôle A' })).body;
    const b = (await admin.json('POST', '/api/poles', { name: 'Pôle B' })).body;
    const coord = await h.coordinator(a.id);
    expect((await coord.json('GET', '/api/poles')).body.poles.map((p: any) => p.id)).toEqual([a.id]);
    expect((await coord.json('GET', `/api/poles/${a.id}`)).status).toBe(200);
    expect((await coord.json('GET', `/api/poles/${b.id}`)).status).toBe(403);
    expect((await coord.json('PATCH', `/api/poles/${b.id}`, { name: 'Pris' })).status).toBe(403);
    expect((await coord.json('GET', '/api/poles/inexistant')).status).toBe(403);
    expect((await coord.json('POST', '/api/poles', { name: 'Pôle C' })).status).toBe(403);
    expect((await coord.json('POST', '/api/users', { email: 'x@y.fr', password: 'assez-long-pour-passer', poleId: a.id })).status).toBe(403);
    expect((await coord.json('POST', '/api/campaigns', { year: 2027, questionnaireId: 'ptce-2026' })).status).toBe(403);
    expect((await coord.json('GET', '/api/users')).status).toBe(403);
  });

  it('answers 401 to anonymous callers on every staff route', async () => {
    const anon = h.client();
    for (const [method, path] of [
      ['GET', '/api/poles'], ['POST', '/api/poles'], ['GET', '/api/poles/x'], ['PATCH', '/api/poles/x'], ['GET', '/api/users'], ['POST', '/api/users'],
      ['GET', '/api/campaigns'], ['POST', '/api/campaigns'], ['GET', '/api/questionnaires'], ['GET', '/api/questionnaires/ptce-2026'],
      ['GET', '/api/poles/x/campaigns/y/profile'], ['PUT', '/api/poles/x/campaigns/y/profile'], ['POST', '/api/poles/x/campaigns/y/invitations'],
      ['GET', '/api/poles/x/campaigns/y/invitations'], ['GET', '/api/poles/x/campaigns/y/participation'], ['GET', '/api/session'], ['DELETE', '/api/session'],
    ]) {
      const body = method === 'GET' || method === 'DELETE' ? undefined : { name: 'x', year: 2026, questionnaireId: 'ptce-2026', email: 'a@b.fr', password: 'xxxxxxxxxxxx', poleId: 'x', data: {}, count: 1 };
      const res = await anon.json(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
    }
  });

  it('creates coordinator accounts with hashed passwords; they can log in', async () => {
    const admin = await h.admin();
    const pole = (await admin.json('POST', '/api/poles', { name: 'Pôle A' })).body;
    const res = await admin.json('POST', '/api/users', { email: 'Coord@Pole-A.fr', password: 'un-mot-de-passe-solide', poleId: pole.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: 'coord@pole-a.fr', role: 'coordinator', poleId: pole.id });
    const stored = h.deps.repos.db.prepare('SELECT password_hash FROM users WHERE email = ?').pluck().get('coord@pole-a.fr') as string;
    expect(stored).toMatch(/^scrypt\$/);
    expect(stored).not.toContain('un-mot-de-passe-solide');
    expect((await admin.json('POST', '/api/users', { email: 'coord@pole-a.fr', password: 'un-autre-mot-de-passe', poleId: pole.id })).status).toBe(409);
    expect((await admin.json('POST', '/api/users', { email: 'b@pole-a.fr', password: 'court', poleId: pole.id })).status).toBe(422);
    expect((await admin.json('POST', '/api/users', { email: 'c@pole-a.fr', password: 'un-mot-de-passe-solide', poleId: 'nope' })).status).toBe(422);
    expect((await admin.json('POST', '/api/users', { email: 'pas-un-email', password: 'un-mot-de-passe-solide', poleId: pole.id })).status).toBe(422);
    expect((await h.client().login('coord@pole-a.fr', 'un-mot-de-passe-solide')).status).toBe(204);
  });

  it('creates yearly campaigns that freeze a questionnaire version, with status from the dates', async () => {
    const admin = await h.admin();
    const res = await admin.json('POST', '/api/campaigns', { year: 2026, questionnaireId: 'ptce-2026', opensAt: '2026-02-01', closesAt: '2026-06-30' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ year: 2026, questionnaireId: 'ptce-2026', status: 'open', opensAt: '2026-02-01T00:00:00.000Z', closesAt: '2026-06-30T23:59:59.999Z' });
    expect((await admin.json('POST', '/api/campaigns', { year: 2026, questionnaireId: 'ptce-2026' })).status).toBe(409);
    expect((await admin.json('POST', '/api/campaigns', { year: 2027, questionnaireId: 'inconnu' })).status).toBe(422);
    expect((await admin.json('POST', '/api/campaigns', { year: 2027, questionnaireId: 'ptce-2026', opensAt: '2027-05-01', closesAt: '2027-01-01' })).status).toBe(422);
    expect((await admin.json('POST', '/api/campaigns', { year: 2027, questionnaireId: 'ptce-2026', opensAt: 'demain' })).status).toBe(422);
    expect((await admin.json('POST', '/api/campaigns', { year: 'deux mille' })).status).toBe(422);
    const upcoming = await admin.json('POST', '/api/campaigns', { year: 2027, questionnaireId: 'ptce-2026', opensAt: '2027-01-15' });
    expect(upcoming.body.status).toBe('upcoming');
    const list = await admin.json('GET', '/api/campaigns');
    expect(list.body.campaigns.map((k: any) => k.year)).toEqual([2027, 2026]);
  });

  it('serves the questionnaire list and the SurveyJS JSON with its ptce metadata', async () => {
    const admin = await h.admin();
    const list = await admin.json('GET', '/api/questionnaires');
    // The file versions, oldest first: the client offers the last one by default for a new campaign.
    expect(list.body.questionnaires).toEqual([
      { id: 'ptce-2026', title: 'Auto-évaluation PTCE 2026' },
      { id: 'ptce-2027', title: 'Auto-évaluation PTCE 2027' },
    ]);
    const q = await admin.json('GET', '/api/questionnaires/ptce-2026');
    expect(q.status).toBe(200);
    expect(q.body.ptce.themes.length).toBeGreaterThanOrEqual(26);
    const matrix = q.body.pages.flatMap((p: any) => p.elements).find((e: any) => e.type === 'matrix');
    expect(matrix.rows[0].ptce).toMatchObject({ dimension: expect.any(String), theme: expect.any(String), seedRef: expect.any(String) });
    expect((await admin.json('GET', '/api/questionnaires/nope')).status).toBe(404);
  });
});
