import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { completeAnswers, createLinks, poleWithCampaign } from '../helpers/scenario.ts';
import { scoreRespondent } from '../../reports/analysis/scoring.ts';
import { unpackScores } from '../../server/db/item-scores.ts';
import { HIDDEN_VALUE, isScore, itemValues } from '../../reports/analysis/quality.ts';

let h: Harness;
beforeEach(async () => (h = await createHarness()));
afterEach(() => h.close());

describe('the respondent journey through the API', () => {
  it('serves the questionnaire, saves drafts, resumes them, submits once, then refuses changes', async () => {
    const { coordinator, base, pole } = await poleWithCampaign(h);
    const [link] = await createLinks(coordinator, base, { count: 1 });
    const r = h.client();
    const first = await r.json('GET', `/api/responses/${link.token}`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ kind: 'individual', status: 'new', pole: { name: pole.name }, data: {}, pageNo: 0, presetCollege: null, campaign: { year: 2026, status: 'open' } });
    // The definition is not in the answers view: the view gives its address, which answers it to anyone.
    expect(first.body).not.toHaveProperty('questionnaire');
    const definition = await h.client().json('GET', first.body.questionnaireUrl);
    expect(definition.status).toBe(200);
    expect(definition.body.pages[0].elements[0].name).toBe('college');

    const draft = { college: 'recherche', position: 'membre', anciennete: 4, siegeInstance: false };
    const saved = await r.json('PUT', `/api/responses/${link.token}`, { data: draft, pageNo: 1 });
    expect(saved.status).toBe(200);
    expect(saved.body.status).toBe('draft');
    const resumed = await r.json('GET', `/api/responses/${link.token}`);
    expect(resumed.body).toMatchObject({ status: 'draft', data: draft, pageNo: 1 });

    const full = completeAnswers(h, 'recherche');
    const submitted = await r.json('POST', `/api/responses/${link.token}/submit`, { data: full });
    expect(submitted.status).toBe(201);
    // Only the day is told, and kept.
    expect(submitted.body).toEqual({ status: 'submitted', submittedAt: '2026-03-01' });
    // Committed before the 201: another connection to the file sees it.
    const row = h.deps.repos.db.prepare('SELECT data, college, item_scores, submitted_on FROM responses').get() as any;
    // Item values are kept with the answers, for the network view: the scores, and what each missing one is.
    const q = h.deps.questionnaires.get('ptce-2026')!;
    const stored = Array.from(unpackScores(row.item_scores));
    expect(stored.map((v) => (isScore(v) ? v : null))).toEqual(scoreRespondent(q.model, full).items);
    expect(stored).toEqual(itemValues(q.model, full, q.validator.isVisible));
    // The collectivités' own rows were never shown to this researcher.
    const hidden = stored.filter((_, i) => q.model.items[i].question === 'gouv_vue_collectivites');
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.every((v) => v === HIDDEN_VALUE)).toBe(true);
    expect(JSON.parse(row.data)).toEqual(full);
    expect(row.college).toBe('recherche');
    expect(row.submitted_on).toBe('2026-03-01');

    expect((await r.json('PUT', `/api/responses/${link.token}`, { data: draft })).status).toBe(409);
    const again = await r.json('POST', `/api/responses/${link.token}/submit`, { data: full });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_submitted');
    // Once sent, the link tells its status and nothing else, to anyone.
    expect((await r.json('GET', `/api/responses/${link.token}`)).body).toEqual({ kind: 'individual', status: 'submitted' });
    expect((await h.client().json('GET', `/api/responses/${link.token}`)).body).toEqual({ kind: 'individual', status: 'submitted' });
  });

  it('answers 422 with {question, message} in French for incomplete or invalid answers', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    const [link] = await createLinks(coordinator, base, { count: 1 });
    const r = h.client();
    const full = completeAnswers(h, 'ess');
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...full, college: undefined }, 'college', /obligatoire/],
      [{ ...full, college: 'martiens' }, 'college', /choix proposés/],
      [{ ...full, anciennete: 99 }, 'anciennete', /au plus 60/],
      [{ ...full, gouv_debat: { ...full.gouv_debat, espaces_debat: 9 } }, 'gouv_debat', /hors de l’échelle/],
      [{ ...full, gouv_debat: { ligne_inventee: 3 } }, 'gouv_debat', /Ligne inconnue/],
      [{ ...full, question_inventee: 'x' }, 'question_inventee', /inconnue/],
      [{ ...full, coop_projets_niveau: 7 }, 'coop_projets_niveau', /choix proposés/],
      [{ ...full, siegeInstance: 'peut-être' }, 'siegeInstance', /Oui ou non/],
      // gouv_instances is only shown to members of a decision body.
      [{ ...full, siegeInstance: false, gouv_instances: { ...(full.gouv_instances ?? {}), x: undefined } }, 'gouv_instances', /masquée/],
    ];
    for (const [data, question, message] of cases) {
      const clean = JSON.parse(JSON.stringify(data));
      if (question === 'gouv_instances') clean.gouv_instances = { parole_egale: 4 };
      const res = await r.json('POST', `/api/responses/${link.token}/submit`, { data: clean });
      expect(res.status, question).toBe(422);
      expect(res.body.error.code).toBe('validation');
      const issue = res.body.error.details.find((d: any) => d.question === question);
      expect(issue, JSON.stringify(res.body.error.details)).toBeDefined();
      expect(issue.message).toMatch(message);
    }
    expect((await r.json('POST', `/api/responses/${link.token}/submit`, { data: 'tout' })).status).toBe(422);
    expect((await r.json('POST', `/api/responses/${link.token}/submit`, {})).status).toBe(422);
    // Nothing was stored by the refused submissions.
    expect((await r.json('GET', `/api/responses/${link.token}`)).body.status).toBe('new');
  });

  it('rejects out-of-range values even in a draft, but not missing answers', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    const [link] = await createLinks(coordinator, base, { count: 1 });
    const r = h.client();
    expect((await r.json('PUT', `/api/responses/${link.token}`, { data: { college: 'ess' } })).status).toBe(200);
    const bad = await r.json('PUT', `/api/responses/${link.token}`, { data: { college: 'ess', gouv_debat: { espaces_debat: 0 } } });
    expect(bad.status).toBe(422);
    expect((await r.json('PUT', `/api/responses/${link.token}`, { data: { college: 'ess' }, pageNo: -1 })).status).toBe(422);
  });

  it('keeps the collège an invitation was made for', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    const [link] = await createLinks(coordinator, base, { count: 1, college: 'collectivites' });
    const r = h.client();
    expect((await r.json('GET', `/api/responses/${link.token}`)).body.presetCollege).toBe('collectivites');
    const wrong = await r.json('POST', `/api/responses/${link.token}/submit`, { data: completeAnswers(h, 'ess') });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.details).toContainEqual({ question: 'college', message: 'Ce lien a été créé pour un autre collège.' });
    expect((await r.json('POST', `/api/responses/${link.token}/submit`, { data: completeAnswers(h, 'collectivites') })).status).toBe(201);
  });

  it('gives every opener of a shared link a response of their own', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    const [shared] = await createLinks(coordinator, base, { shared: true, count: 40 });
    const r = h.client();
    const view = await r.json('GET', `/api/responses/${shared.token}`);
    expect(view.body).toMatchObject({ kind: 'shared', status: 'new' });
    const a = await r.json('POST', `/api/responses/${shared.token}/claim`);
    const other = h.client();
    const b = await other.json('POST', `/api/responses/${shared.token}/claim`);
    const c = await other.json('POST', `/api/responses/${shared.token}/claim`);
    expect(a.status).toBe(201);
    expect(a.body.token).not.toBe(b.body.token);
    expect((await r.json('POST', `/api/responses/${a.body.token}/submit`, { data: completeAnswers(h, 'ess') })).status).toBe(201);
    expect((await other.json('GET', `/api/responses/${b.body.token}`)).body.status).toBe('new');
    // A claim is bound to the browser that made it.
    expect((await r.json('GET', `/api/responses/${b.body.token}`)).status).toBe(403);
    expect((await other.json('PUT', `/api/responses/${b.body.token}`, { data: { college: 'ess' } })).status).toBe(200);
    expect(c.status).toBe(201);
    // Answers cannot be posted to the shared link itself, and a personal link cannot be claimed from.
    expect((await r.json('PUT', `/api/responses/${shared.token}`, { data: {} })).status).toBe(404);
    expect((await r.json('POST', `/api/responses/${a.body.token}/claim`)).status).toBe(404);
    const listed = (await coordinator.json('GET', `${base}/invitations`)).body.invitations;
    expect(listed).toHaveLength(1);
    // Opened: claims that saved something or were sent; the third claim, never saved, does not count.
    expect(listed[0]).toMatchObject({ shared: true, opened: 2, submitted: 1, status: null, maxResponses: null });
  });

  it('answers 404 to unknown or malformed tokens', async () => {
    await poleWithCampaign(h);
    const r = h.client();
    expect((await r.json('GET', `/api/responses/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await r.json('GET', '/api/responses/court')).status).toBe(404);
    expect((await r.json('POST', `/api/responses/${'A'.repeat(43)}/submit`, { data: {} })).status).toBe(404);
    expect((await r.json('GET', `/api/responses/${'x'.repeat(200)}`)).status).toBe(422);
  });

  it('refuses answers before the campaign opens (403) and after it closes (409), with a clear message', async () => {
    const { coordinator, base } = await poleWithCampaign(h, { year: 2026, questionnaireId: 'ptce-2026', opensAt: '2026-04-01', closesAt: '2026-06-30' });
    const [link, done] = await createLinks(coordinator, base, { count: 2 });
    const r = h.client();
    const early = await r.json('GET', `/api/responses/${link.token}`);
    expect(early.status).toBe(403);
    expect(early.body.error).toMatchObject({ code: 'campaign_not_open', message: 'Le questionnaire ouvrira le 1er avril 2026.', details: { opensAt: '2026-04-01T00:00:00.000Z' } });
    expect((await r.json('POST', `/api/responses/${link.token}/submit`, { data: completeAnswers(h, 'ess') })).status).toBe(403);

    h.clock.now = new Date('2026-05-01T10:00:00Z');
    expect((await r.json('PUT', `/api/responses/${link.token}`, { data: { college: 'ess' } })).status).toBe(200);
    expect((await r.json('POST', `/api/responses/${done.token}/submit`, { data: completeAnswers(h, 'ess') })).status).toBe(201);

    h.clock.now = new Date('2026-07-01T08:00:00Z');
    const late = await r.json('GET', `/api/responses/${link.token}`);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('campaign_closed');
    expect(late.body.error.message).toMatch(/clôturée depuis le 30 juin 2026/);
    const lateSubmit = await r.json('POST', `/api/responses/${link.token}/submit`, { data: completeAnswers(h, 'ess') });
    expect(lateSubmit.status).toBe(409);
    // A response sent in time still shows its thank-you page.
    expect((await r.json('GET', `/api/responses/${done.token}`)).body.status).toBe('submitted');
  });
});

describe('the API surface', () => {
  it('serves an OpenAPI document that lists every route of the contract', async () => {
    const res = await h.client().json('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    const paths = Object.entries(res.body.paths).flatMap(([p, ops]: [string, any]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    expect(paths).toEqual(expect.arrayContaining([
      'POST /api/session', 'GET /api/session', 'DELETE /api/session',
      'POST /api/poles', 'GET /api/poles', 'GET /api/poles/{poleId}', 'PATCH /api/poles/{poleId}', 'POST /api/users',
      'POST /api/campaigns', 'GET /api/campaigns', 'GET /api/questionnaires', 'GET /api/questionnaires/{id}',
      'GET /api/poles/{poleId}/campaigns/{campaignId}/profile', 'PUT /api/poles/{poleId}/campaigns/{campaignId}/profile',
      'POST /api/poles/{poleId}/campaigns/{campaignId}/invitations', 'GET /api/poles/{poleId}/campaigns/{campaignId}/participation',
      'GET /api/responses/{token}', 'PUT /api/responses/{token}', 'POST /api/responses/{token}/submit', 'POST /api/responses/{token}/claim',
      'DELETE /api/poles/{poleId}/campaigns/{campaignId}/invitations/{invitationId}',
      'POST /api/poles/{poleId}/campaigns/{campaignId}/invitations/{invitationId}/reissue',
      'GET /api/poles/{poleId}/campaigns/{campaignId}/questionnaire',
      'GET /api/poles/{poleId}/campaigns/{campaignId}/results', 'GET /api/poles/{poleId}/campaigns/{campaignId}/report.pdf',
      'GET /api/campaigns/{campaignId}/results', 'GET /api/campaigns/{campaignId}/report.pdf', 'POST /api/questionnaires',
      'GET /api/campaigns/{campaignId}/export.csv', 'GET /api/campaigns/{campaignId}/export.xlsx',
    ]));
    expect(res.body.components.schemas.Error).toBeDefined();
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const res = await h.client().json('GET', '/api/nimporte/quoi');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});
