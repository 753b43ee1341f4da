// The Labo's yearly synthesis through the API, on the demo network (12 poles, campaigns 2025 and 2026): filter
// choices, groups of poles side by side, each pole's change (same version, and a renamed item in an imported version),
// the « pôles à accompagner », and the network charts as SVG.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHarness, type Client, type Harness } from '../helpers/harness.ts';
import { completeAnswers, createLinks } from '../helpers/scenario.ts';
import { generateDemoNetwork } from '../../server/demo/network.ts';
import { poleResults } from '../../server/pole-results.ts';
import { NetworkComparisonSchema, NetworkResultsSchema, type NetworkComparison, type NetworkResultsView } from '../../reports/contract/network.ts';
import { distribution } from '../../reports/analysis/network.ts';
import { DEFINITIONS_DIR } from '../../surveys/registry.ts';

type Json = Record<string, any>;
const RESULTS = '/api/campaigns/campagne-2026/results';
const COMPARE = '/api/campaigns/campagne-2026/compare';

/** Zod drops what a schema does not declare: a body equal to its parse declares every field (strict contract). */
const declared = (schema: { parse: (v: unknown) => unknown }, body: unknown) => expect(schema.parse(body)).toEqual(body);

describe('the network synthesis on the demo network', () => {
  let h: Harness;
  let admin: Client;
  let all: NetworkResultsView;
  beforeAll(async () => {
    h = await createHarness();
    await generateDemoNetwork(h.deps);
    admin = await h.admin();
    all = (await admin.json('GET', RESULTS)).body;
  });
  afterAll(() => h.close());

  it('offers as filter choices only the values some pole has, counted without the filters applied', async () => {
    const ues = (await admin.json<NetworkResultsView>('GET', `${RESULTS}?legalForm=ues`)).body;
    expect(ues.poles).toHaveLength(1);
    for (const r of [all, ues]) {
      // 8 associations, 1 UES, 3 without legal structure; no SCIC in the demo, so none offered.
      expect(r.filterChoices.legalForms.map((c) => [c.value, c.count])).toEqual([['association', 8], ['ues', 1], ['aucune', 3]]);
      expect(r.filterChoices.regions).toHaveLength(12);
      expect(r.filterChoices.regions.every((c) => c.count === 1)).toBe(true);
    }
    expect(ues.filterChoices.legalForms.find((c) => c.value === 'ues')!.label).toBe('Union d’économie sociale (UES)');
    declared(NetworkResultsSchema, ues);
  });

  it('compares groups of poles by legal form: groups of 5 or more, the rest in « autres », medians as the results’', async () => {
    const res = await admin.json<NetworkComparison>('GET', `${COMPARE}?by=legalForm`);
    expect(res.status).toBe(200);
    const c = res.body;
    declared(NetworkComparisonSchema, c);
    expect(c.minPoles).toBe(5);
    expect(c.groups.map((g) => [g.label, g.poles, g.merged])).toEqual([['Association', 8, false], ['autres', 4, true]]);
    expect(c.groups[1].values.map((v) => [v.value, v.poles])).toEqual([['aucune', 3], ['ues', 1]]);
    expect(c.groups[1].themes).toBeNull();
    // The associations' figures are the distribution of their scores in the results.
    const associations = all.poles.filter((p) => p.legalForm === 'association');
    all.themes.forEach((t, i) => expect(c.groups[0].themes![t.id], t.id).toEqual(distribution(associations.map((p) => p.scores[i]))));
    expect(c.groups[0].overall).toEqual(distribution(associations.map((p) => p.overall)));
    // « by » defaults to the legal form, and is one of the three.
    expect((await admin.json('GET', COMPARE)).body.by).toBe('legalForm');
    expect((await admin.json('GET', `${COMPARE}?by=couleur`)).status).toBe(422);
  });

  it('compares by age band and by region, after the dashboard’s filters', async () => {
    const ages = (await admin.json<NetworkComparison>('GET', `${COMPARE}?by=ageBand`)).body;
    expect(ages.bands!.map((b) => b.label)).toEqual(['moins de 5 ans', '5 à 9 ans', '10 à 14 ans', '15 ans et plus']);
    // In 2026, 5 poles are 12 to 14 years old, 5 are 15 or more, and the 2 « en émergence » (3 and 4) make « autres ».
    expect(ages.groups.map((g) => [g.label, g.poles])).toEqual([['10 à 14 ans', 5], ['15 ans et plus', 5], ['autres', 2]]);
    // 12 regions of one pole each: a single « autres », with figures (12 poles).
    const regions = (await admin.json<NetworkComparison>('GET', `${COMPARE}?by=region`)).body;
    expect(regions.groups).toHaveLength(1);
    expect(regions.groups[0]).toMatchObject({ label: 'autres', merged: true, poles: 12 });
    expect(regions.groups[0].overall).toEqual(all.overall);
    // Filters: the associations only, by age band.
    const filtered = (await admin.json<NetworkComparison>('GET', `${COMPARE}?by=ageBand&legalForm=association`)).body;
    expect(filtered.filters).toEqual({ legalForm: 'association' });
    expect(filtered.polesWithResults).toBe(8);
    expect(filtered.groups.reduce((s, g) => s + g.poles, 0)).toBe(8);
  });

  it('adds each pole’s change since another campaign: exactly the difference of the two campaigns’ scores', async () => {
    expect(all.poles.every((p) => p.change === undefined)).toBe(true);
    expect(all.comparedTo).toBeUndefined();
    const res = await admin.json<NetworkResultsView>('GET', `${RESULTS}?compareTo=campagne-2025`);
    expect(res.status).toBe(200);
    declared(NetworkResultsSchema, res.body);
    const before = (await admin.json<NetworkResultsView>('GET', '/api/campaigns/campagne-2025/results')).body;
    const { comparedTo, poles, themes } = res.body;
    expect(comparedTo).toEqual({ id: 'campagne-2025', year: 2025, questionnaireId: 'ptce-2026', sharedItems: 97, items: 97 });
    expect(poles).toHaveLength(12);
    for (const pole of poles) {
      const then = before.poles.find((p) => p.id === pole.id)!;
      expect(pole.change!.overall, pole.name).toBe(pole.overall! - then.overall!);
      themes.forEach((t, i) => expect(pole.change!.themes[t.id], `${pole.name} ${t.id}`).toBe(pole.scores[i]! - then.scores[i]!));
    }
    expect((await admin.json('GET', `${RESULTS}?compareTo=inconnue`)).status).toBe(422);
  });

  it('counts each pole’s weaknesses and dissensus as its own report does, and applies the support rule as stated', async () => {
    const low = all.thresholds.low;
    for (const pole of all.poles.filter((p) => p.available)) {
      const own = poleResults(h.deps, h.deps.repos.poles.get(pole.id)!, h.deps.repos.campaigns.get('campagne-2026')!);
      expect(pole.weaknesses, pole.name).toBe(own.swot.weaknesses.length);
      expect(pole.weaknesses).toBe(all.themes.filter((t, i) => t.factor === 'internal' && pole.scores[i] !== null && pole.scores[i]! <= low).length);
      expect(pole.dissensusThemes, pole.name).toBe(own.themes.filter((t) => t.dissensus).length);
    }
    // 21 internal themes: weak on 11 or more, or an overall score at most the first quartile.
    expect(all.themes.filter((t) => t.factor === 'internal')).toHaveLength(21);
    const q1 = all.overall.q1!;
    const expected = all.poles
      .filter((p) => p.available && (p.overall! <= q1 || p.weaknesses >= 11))
      .sort((a, b) => a.overall! - b.overall!)
      .map((p) => p.id);
    expect(all.support.poles).toEqual(expected);
    // Not the whole network: the demo's 3 lowest overall scores and one pole weak on 12 themes.
    expect(all.support.poles.length).toBeGreaterThan(0);
    expect(all.support.poles.length).toBeLessThan(all.polesWithResults / 2);
    expect(all.support.criteria).toEqual({ overallAtMost: q1, minWeaknesses: 11 });
    expect(all.support.rule).toMatch(
      /^Pôles dont le score global est dans le quart le plus bas des 12 pôles avec résultats \(au plus \d+,\d, premier quartile\), ou qui comptent au moins 11 faiblesses, soit la moitié de leurs 21 thèmes internes/,
    );
  });

  it('draws every network chart as SVG, with the same filters, for the Labo only', async () => {
    for (const query of ['chart=themes', 'chart=evolution', 'chart=groups&by=ageBand', 'chart=themes&legalForm=association']) {
      const res = await admin.request('GET', `/api/campaigns/campagne-2026/chart.svg?${query}`);
      expect(res.status, query).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
      const svg = await res.text();
      expect(svg.startsWith('<?xml')).toBe(true);
      expect(svg).toMatch(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="900" height="\d+"/);
      expect(svg).not.toMatch(/NaN|undefined/);
      expect((svg.match(/<path /g) ?? []).length).toBeGreaterThan(10);
    }
    const themes = await (await admin.request('GET', '/api/campaigns/campagne-2026/chart.svg?chart=themes')).text();
    expect(themes).toContain('<title id="title">Répartition des scores des pôles par thème, campagne 2026</title>');
    // Theme labels are text, not outlines.
    expect(themes).toContain('>Débat et concertation</text>');
    const groups = await (await admin.request('GET', '/api/campaigns/campagne-2026/chart.svg?chart=groups&by=ageBand')).text();
    expect(groups).toContain('>10 à 14 ans (5 pôles)</text>');
    expect(groups).toContain('>15 ans et plus (5 pôles)</text>');
    // Filtered to one pole, no group reaches 5 poles: nothing to draw.
    expect((await admin.request('GET', '/api/campaigns/campagne-2026/chart.svg?chart=groups&by=legalForm&legalForm=ues')).status).toBe(404);
    expect((await (await h.coordinator('pole-1')).request('GET', '/api/campaigns/campagne-2026/chart.svg?chart=themes')).status).toBe(403);
  });
});

describe('each pole’s change across questionnaire versions', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await generateDemoNetwork(h.deps);
  });
  afterAll(() => h.close());

  it('matches a renamed item through the version’s mapping, as the pole’s own evolution does', async () => {
    const admin = await h.admin();
    // The imported version renames the first row of the first matrix (`gouv_debat.espaces_debat` → `gouv_debat.espaces`).
    const definition: Json = JSON.parse(readFileSync(join(DEFINITIONS_DIR, 'ptce-2026.json'), 'utf8'));
    definition.title = 'Auto-évaluation PTCE 2028';
    definition.pages[1].elements[0].rows[0].value = 'espaces';
    const imported = await admin.json('POST', '/api/questionnaires', { id: 'ptce-2028', definition, renamed: { 'gouv_debat.espaces': 'gouv_debat.espaces_debat' } });
    expect(imported.status).toBe(201);
    const campaign = (await admin.json('POST', '/api/campaigns', { year: 2027, questionnaireId: 'ptce-2028', opensAt: '2027-01-01' })).body;
    h.clock.now = new Date('2027-02-01T10:00:00Z');

    // Pole 1 answers the imported version three times (k = 3): the renamed row's answer under its new key.
    const coordinator = await h.coordinator('pole-1');
    const base = `/api/poles/pole-1/campaigns/${campaign.id}`;
    const links = await createLinks(coordinator, base, { count: 3 });
    for (const [i, link] of links.entries()) {
      const data = completeAnswers(h, 'ess', 50 + i);
      const { espaces_debat, ...others } = data.gouv_debat;
      data.gouv_debat = { ...others, espaces: espaces_debat };
      const res = await h.client().json('POST', `/api/responses/${link.token}/submit`, { data });
      expect(res.status).toBe(201);
    }

    // A year later, the session has expired: sign in again.
    const res = await (await h.admin()).json<NetworkResultsView>('GET', `/api/campaigns/${campaign.id}/results?compareTo=campagne-2026`);
    expect(res.status).toBe(200);
    declared(NetworkResultsSchema, res.body);
    // Every item is shared once the renamed row is matched (without the mapping, 96 of 97).
    expect(res.body.comparedTo).toMatchObject({ id: 'campagne-2026', questionnaireId: 'ptce-2026', sharedItems: 97, items: 97 });
    const change = res.body.poles.find((p) => p.id === 'pole-1')!.change!;
    // The pole's own report compares the same items of the same years.
    const own = poleResults(h.deps, h.deps.repos.poles.get('pole-1')!, h.deps.repos.campaigns.get(campaign.id)!).evolution!;
    expect(own.previousCampaign.id).toBe('campagne-2026');
    for (const t of own.themes) expect(change.themes[t.id], t.id).toBeCloseTo(t.delta!, 9);
    expect(change.themes['gouv-debat-concertation']).not.toBeNull();
  });
});
