import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { generateDemoNetwork } from '../../server/demo/network.ts';
import { poleResults } from '../../server/pole-results.ts';

let h: Harness;
beforeEach(async () => (h = await createHarness()));
afterEach(() => h.close());

describe('network results through the API', () => {
  it('aggregates the demo network: profile table as in the seed, each pole scored as in its own report', async () => {
    await generateDemoNetwork(h.deps);
    const admin = await h.admin();
    const res = await admin.json('GET', '/api/campaigns/campagne-2026/results');
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r.polesWithResults).toBe(12);
    expect(r.poles).toHaveLength(12);
    // The seed's kind of table, built from the pole profile forms.
    const forms = Object.fromEntries(r.profile.formeJuridique.counts.map((c: any) => [c.value, c.count]));
    expect(forms).toMatchObject({ association: 8, aucune: 3, ues: 1, scic: 0 });
    expect(r.profile.lieuVitrine.counts.find((c: any) => c.value === 'true').count).toBe(7);
    expect(r.profile.charteDesOrigines.counts.find((c: any) => c.value === 'true').count).toBe(4);
    expect(r.profile.soutienCollectivites.counts.find((c: any) => c.value === 'financier').count).toBe(12);
    // A pole's row of the heatmap equals its own report's theme scores.
    const pole = h.deps.repos.poles.get('pole-3')!;
    const own = poleResults(h.deps, pole, h.deps.repos.campaigns.get('campagne-2026')!);
    const row = r.poles.find((p: any) => p.id === 'pole-3');
    row.scores.forEach((s: number, i: number) => expect(s).toBeCloseTo(own.themes[i].score!, 9));
    expect(row.overall).toBeCloseTo(own.overall!, 9);
    // Distributions are ordered statistics over the 12 poles.
    for (const t of r.themes) {
      const d = t.distribution;
      expect(d.n).toBe(12);
      expect(d.min).toBeLessThanOrEqual(d.q1);
      expect(d.q1).toBeLessThanOrEqual(d.median);
      expect(d.median).toBeLessThanOrEqual(d.q3);
      expect(d.q3).toBeLessThanOrEqual(d.max);
    }
    expect(r.evolution.campaigns.map((c: any) => c.year)).toEqual([2025, 2026]);
    expect(r.participation.submitted).toBe(r.poles.reduce((s: number, p: any) => s + p.submitted, 0));
  });

  it('scores each submission once, and scores answers stored before that on first use', async () => {
    await generateDemoNetwork(h.deps);
    const admin = await h.admin();
    const before = (await admin.json('GET', '/api/campaigns/campagne-2026/results')).body;
    const db = h.deps.repos.db;
    expect(db.prepare("SELECT count(*) FROM responses WHERE item_scores IS NULL").pluck().get()).toBe(0);
    // As if these answers had been stored by an older version: the network view scores them again, same figures.
    db.prepare("UPDATE responses SET item_scores = NULL WHERE pole_id IN ('pole-1', 'pole-2')").run();
    const after = (await admin.json('GET', '/api/campaigns/campagne-2026/results')).body;
    expect(after.poles).toEqual(before.poles);
    // « nsp » and hidden rows are told apart again from the answers: the questionnaire's quality is the same.
    expect(after.themes).toEqual(before.themes);
    // Most themes have enough complete respondents for an alpha (some rows are shown to a few people only).
    expect(before.themes.filter((t: any) => t.alpha !== null).length).toBeGreaterThan(before.themes.length / 2);
    for (const t of before.themes) expect(t.alpha === null, t.id).toBe(t.alphaRespondents < 10);
    expect(db.prepare("SELECT count(*) FROM responses WHERE item_scores IS NULL").pluck().get()).toBe(0);
  });

  it('filters by region, legal form and pole age', async () => {
    await generateDemoNetwork(h.deps);
    const admin = await h.admin();
    const ues = (await admin.json('GET', '/api/campaigns/campagne-2026/results?legalForm=ues')).body;
    expect(ues.poles.map((p: any) => p.name)).toEqual(['Cité des Coopérations Urbaines']);
    expect(ues.filters).toEqual({ legalForm: 'ues' });
    const bretagne = (await admin.json('GET', `/api/campaigns/campagne-2026/results?region=${encodeURIComponent('Bretagne')}`)).body;
    expect(bretagne.poles.map((p: any) => p.name)).toEqual(['Archipel Solidaire du Littoral']);
    const old = (await admin.json('GET', '/api/campaigns/campagne-2026/results?minAge=17')).body;
    expect(old.poles.every((p: any) => 2026 - p.foundedYear >= 17)).toBe(true);
    expect(old.poles.length).toBeGreaterThan(0);
    expect((await admin.json('GET', '/api/campaigns/campagne-2026/results?minAge=vieux')).status).toBe(422);
  });

  it('is for the Labo only: poles are never named to a coordinator', async () => {
    await generateDemoNetwork(h.deps);
    const coordinator = await h.coordinator('pole-1');
    expect((await coordinator.json('GET', '/api/campaigns/campagne-2026/results')).status).toBe(403);
    expect((await h.client().json('GET', '/api/campaigns/campagne-2026/results')).status).toBe(401);
    expect((await (await h.admin()).json('GET', '/api/campaigns/inconnue/results')).status).toBe(404);
  });
});
