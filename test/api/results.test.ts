import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { completeAnswers, createLinks, poleWithCampaign } from '../helpers/scenario.ts';
import { computePoleResults } from '../../reports/analysis/index.ts';

let h: Harness;
beforeEach(async () => (h = await createHarness()));
afterEach(() => h.close());

async function submitMany(base: string, coordinator: Awaited<ReturnType<typeof poleWithCampaign>>['coordinator'], colleges: string[], seed = 1) {
  const links = await createLinks(coordinator, base, { count: colleges.length });
  const r = h.client();
  for (const [i, college] of colleges.entries()) {
    const res = await r.json('POST', `/api/responses/${links[i].token}/submit`, { data: completeAnswers(h, college, seed + i) });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  }
}

describe('pole results through the API', () => {
  it('gives nothing but participation under k = 3 submitted responses', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    await submitMany(base, coordinator, ['ess', 'ess']);
    const res = await coordinator.json('GET', `${base}/results`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ available: false, minGroupSize: 3, themes: [], items: [], options: [], verbatims: [], overall: null });
    expect(res.body.message).toMatch(/3 réponses/);
    expect(res.body.participation.submitted).toBe(2);
  });

  it('serves the scores computed from the stored answers, small collèges merged into « Autres collèges »', async () => {
    const { coordinator, base, pole, campaign } = await poleWithCampaign(h);
    await submitMany(base, coordinator, ['ess', 'ess', 'ess', 'salaries', 'salaries', 'salaries', 'collectivites']);
    const res = await coordinator.json('GET', `${base}/results`);
    expect(res.status).toBe(200);
    const results = res.body;
    expect(results.available).toBe(true);
    // The same figures as the pure analysis on the same answers (the analysis itself is checked by hand in unit tests).
    const q = h.deps.questionnaires.get('ptce-2026')!;
    const expected = computePoleResults({
      pole: { id: pole.id, name: pole.name }, campaign: { id: campaign.id, year: 2026, questionnaireId: 'ptce-2026' },
      model: q.model, colleges: q.colleges, responses: h.deps.repos.responses.snapshot(pole.id, campaign.id),
      participation: h.deps.repos.tickets.participation(pole.id, campaign.id), profile: null,
    });
    expect(results.overall).toBe(expected.overall);
    expect(results.themes).toEqual(JSON.parse(JSON.stringify(expected.themes)));
    expect(results.themes).toHaveLength(26);
    const theme = results.themes[0];
    expect(Object.keys(theme)).toEqual(expect.arrayContaining(['id', 'label', 'dimension', 'factor', 'score', 'rawScore', 'n', 'byCollege', 'spread', 'sd']));
    // 3 + 3 + 1 sent, one batch each time 3 wait: results rest on the first 6, the 7th waits for two more.
    expect(results.snapshot).toEqual({ responses: 6, pending: 1, nextUpdateAt: 9, provisional: true });
    expect(theme.byCollege.map((b: any) => b.college)).toEqual(['ess', 'salaries']);
    expect(theme.byCollege.find((b: any) => b.college === 'ess')).toMatchObject({ n: 3, suppressed: false });
    expect(results.items.length).toBeGreaterThan(50);
    expect(results.items[0]).toEqual(expect.objectContaining({ name: expect.any(String), theme: expect.any(String), n: expect.any(Number) }));
    expect(results.dimensions.map((d: any) => d.id)).toEqual(['gouvernance', 'cooperation', 'contexte']);
    expect(Object.keys(results.swot)).toEqual(['strengths', 'weaknesses', 'opportunities', 'threats', 'vigilance', 'uncertain']);
    for (const option of results.options) expect(Object.keys(option)).toEqual(expect.arrayContaining(['id', 'quadrant', 'title', 'themes', 'needsConsensus']));
    // Verbatims come without any link to their author.
    for (const v of results.verbatims) expect(Object.keys(v)).toEqual(['question', 'label', 'answers']);
  });

  it('is for the pole’s coordinator and the admin only', async () => {
    const { admin, base } = await poleWithCampaign(h);
    const other = (await admin.json('POST', '/api/poles', { name: 'Autre' })).body;
    const intruder = await h.coordinator(other.id);
    expect((await intruder.json('GET', `${base}/results`)).status).toBe(403);
    expect((await intruder.request('GET', `${base}/report.pdf`)).status).toBe(403);
    expect((await h.client().json('GET', `${base}/results`)).status).toBe(401);
    expect((await admin.json('GET', `${base}/results`)).status).toBe(200);
    expect((await admin.json('GET', base.replace(/campaigns\/.*/, 'campaigns/nope/results'))).status).toBe(404);
  });

  it('shows the evolution from the previous campaign in which the pole had results', async () => {
    h.clock.now = new Date('2025-05-01T10:00:00Z');
    const { admin, coordinator, base, pole } = await poleWithCampaign(h, { year: 2025, questionnaireId: 'ptce-2026', opensAt: '2025-01-01', closesAt: '2026-02-15' });
    await submitMany(base, coordinator, ['ess', 'ess', 'salaries'], 100);
    const next = (await admin.json('POST', '/api/campaigns', { year: 2026, questionnaireId: 'ptce-2026', opensAt: '2026-02-16' })).body;
    h.clock.now = new Date('2026-03-01T10:00:00Z');
    const later = await h.coordinator(pole.id); // the 2025 session has expired meanwhile
    const base2026 = `/api/poles/${pole.id}/campaigns/${next.id}`;
    await submitMany(base2026, later, ['ess', 'ess', 'salaries'], 200);
    const results = (await later.json('GET', `${base2026}/results`)).body;
    expect(results.evolution.previousCampaign.year).toBe(2025);
    const before = (await later.json('GET', `${base}/results`)).body;
    const t = results.themes[0];
    const e = results.evolution.themes.find((x: any) => x.id === t.id);
    // Same questionnaire both years: every item is shared, so the evolution compares the two theme scores.
    expect(e.current).toBeCloseTo(t.score, 9);
    expect(e.previous).toBeCloseTo(before.themes[0].score, 9);
    expect(e.delta).toBeCloseTo(t.score - before.themes[0].score, 9);
    expect(before.evolution).toBeNull();
  });
});
