import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { completeAnswers, createLinks, poleWithCampaign } from '../helpers/scenario.ts';

let h: Harness;
beforeEach(async () => (h = await createHarness()));
afterEach(() => h.close());

describe('invitations and participation', () => {
  it('creates individual links with 256-bit tokens, stored hashed, listed again later', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    const res = await coordinator.json('POST', `${base}/invitations`, { count: 3, college: 'ess' });
    expect(res.status).toBe(201);
    expect(res.body.invitations).toHaveLength(3);
    for (const inv of res.body.invitations) {
      expect(inv.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(inv.url).toBe(`http://localhost/r/${inv.token}`);
      expect(inv).toMatchObject({ shared: false, college: 'ess', status: 'new' });
    }
    const stored = h.deps.repos.db.prepare('SELECT token_hash, token_sealed FROM invitations').all() as any[];
    const tokens = res.body.invitations.map((i: any) => i.token);
    for (const row of stored) {
      expect(tokens).not.toContain(row.token_hash);
      expect(tokens.some((t: string) => row.token_sealed.includes(t))).toBe(false);
    }
    const listed = await coordinator.json('GET', `${base}/invitations`);
    expect(listed.body.invitations.map((i: any) => i.token).sort()).toEqual([...tokens].sort());
  });

  it('validates the request: count range, unknown collège', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    expect((await coordinator.json('POST', `${base}/invitations`, { count: 0 })).status).toBe(422);
    expect((await coordinator.json('POST', `${base}/invitations`, { count: 501 })).status).toBe(422);
    const bad = await coordinator.json('POST', `${base}/invitations`, { count: 1, college: 'martiens' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].question).toBe('college');
    expect((await coordinator.json('POST', base.replace(/campaigns\/.*/, 'campaigns/inconnue/invitations'), { count: 1 })).status).toBe(404);
  });

  it('keeps invitations, CSV, profile and participation of a pole away from other coordinators', async () => {
    const { admin, base, campaign } = await poleWithCampaign(h);
    const other = (await admin.json('POST', '/api/poles', { name: 'Autre pôle' })).body;
    const intruder = await h.coordinator(other.id);
    for (const [method, suffix, body] of [
      ['POST', '/invitations', { count: 1 }], ['GET', '/invitations', undefined], ['GET', '/invitations.csv', undefined],
      ['GET', '/participation', undefined], ['GET', '/profile', undefined], ['PUT', '/profile', { data: {} }],
    ] as const) {
      expect((await intruder.json(method, `${base}${suffix}`, body)).status, `${method} ${suffix}`).toBe(403);
    }
    // The intruder's own pole path works, so the 403 above is about the pole, not the campaign.
    expect((await intruder.json('GET', `/api/poles/${other.id}/campaigns/${campaign.id}/participation`)).status).toBe(200);
    // The admin may act for any pole.
    expect((await admin.json('GET', `${base}/participation`)).status).toBe(200);
  });

  it('exports links as CSV for French Excel (BOM, semicolons)', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    const links = await createLinks(coordinator, base, { count: 2, college: 'collectivites' });
    await createLinks(coordinator, base, { shared: true });
    const res = await coordinator.request('GET', `${base}/invitations.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split('\r\n');
    expect(lines[0]).toBe('lien;type;college;statut');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe(`${links[0].url};individuel;Collectivités territoriales et organismes publics;non ouvert`);
    expect(lines[3]).toMatch(/;partagé;;"0 ouvert\(s\), 0 envoyé\(s\)"$/);
  });

  it('counts invited, started and submitted per collège as answers arrive, a response’s collège only once in the results', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    const ess = await createLinks(coordinator, base, { count: 2, college: 'ess' });
    const open = await createLinks(coordinator, base, { count: 2 });
    const r = h.client();
    await r.json('PUT', `/api/responses/${ess[0].token}`, { data: { college: 'ess' }, pageNo: 1 });
    expect((await r.json('POST', `/api/responses/${ess[1].token}/submit`, { data: completeAnswers(h, 'ess') })).status).toBe(201);
    expect((await r.json('POST', `/api/responses/${open[0].token}/submit`, { data: completeAnswers(h, 'salaries', 3) })).status).toBe(201);
    const p = (await coordinator.json('GET', `${base}/participation`)).body;
    const by = Object.fromEntries(p.colleges.map((k: any) => [k.id ?? 'none', k]));
    // Everything counts under the collège the link was made for: the ESS links (one draft, one sent) and the links
    // made without a collège (one sent, as Salariés: that choice is an answer and is not shown).
    expect(by.ess).toMatchObject({ label: 'Entreprises de l’ESS', invited: 2, started: 2, submitted: 1 });
    expect(by.salaries).toMatchObject({ invited: 0, started: 0, submitted: 0 });
    expect(by.none).toMatchObject({ label: 'Lien sans collège', invited: 2, started: 1, submitted: 1 });
    expect(p.totals).toEqual({ invited: 4, started: 3, submitted: 2, pending: 2 });

    // A third response: the three enter the results together; participation still says nothing of chosen collèges.
    expect((await r.json('POST', `/api/responses/${open[1].token}/submit`, { data: completeAnswers(h, 'salaries', 4) })).status).toBe(201);
    const q = (await coordinator.json('GET', `${base}/participation`)).body;
    const after = Object.fromEntries(q.colleges.map((k: any) => [k.id ?? 'none', k]));
    expect(after.ess).toMatchObject({ invited: 2, started: 2, submitted: 1 });
    expect(after.salaries).toMatchObject({ invited: 0, started: 0, submitted: 0 });
    expect(after.none).toMatchObject({ invited: 2, started: 2, submitted: 2 });
    expect(q.totals).toEqual({ invited: 4, started: 4, submitted: 3, pending: 0 });
  });

  it('saves and reads back the pole profile, with member counts per collège from the questionnaire', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    const empty = await coordinator.json('GET', `${base}/profile`);
    expect(empty.status).toBe(200);
    expect(empty.body.data).toBeNull();
    const members = empty.body.definition.pages.flatMap((p: any) => p.elements).find((e: any) => e.name === 'membresParCollege');
    expect(members.items.map((i: any) => i.name)).toEqual(['ess', 'hors_ess', 'collectivites', 'recherche', 'salaries', 'benevoles_citoyens']);
    const data = { formeJuridique: 'association', charte: 'adoptee', lieuVitrine: true, soutienCollectivites: ['financier', 'technique'], membresParCollege: { ess: 8, collectivites: 2 }, anneeCreation: 2012, autofinancement: 35, region: 'nouvelle_aquitaine' };
    const saved = await coordinator.json('PUT', `${base}/profile`, { data });
    expect(saved.status).toBe(200);
    expect((await coordinator.json('GET', `${base}/profile`)).body.data).toEqual(data);
    const bad = await coordinator.json('PUT', `${base}/profile`, { data: { formeJuridique: 'sarl', autofinancement: 140, inconnu: 1 } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: any) => d.question).sort()).toEqual(['autofinancement', 'charte', 'formeJuridique', 'inconnu', 'lieuVitrine', 'region']);
  });
});
