// The Labo's yearly synthesis through the API, on the demo network (12 poles, campaigns 2025 and 2026, each on the
// questionnaire version DEMO_VERSIONS gives it): filter choices, groups of poles side by side, each pole's change
// (across the demo's two versions, and a renamed item in an imported version), the « pôles à accompagner », and the
// network charts as SVG. Expectations about themes and items come from the campaigns' own versions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Client, type Harness } from '../helpers/harness.ts';
import { createLinks } from '../helpers/scenario.ts';
import { generateDemoNetwork } from '../../server/demo/network.ts';
import { poleResults } from '../../server/pole-results.ts';
import { NetworkComparisonSchema, NetworkResultsSchema, type NetworkComparison, type NetworkResultsView } from '../../reports/contract/network.ts';
import { distribution } from '../../reports/analysis/network.ts';
import { mean } from '../../reports/analysis/statistics.ts';
import { supportMinWeaknesses } from '../../reports/analysis/network-support.ts';
import { sampleAnswers } from '../../server/demo/sample-answers.ts';
import { seededRandom } from '../../server/demo/random.ts';
import type { QuestionnaireModel } from '../../surveys/model.ts';
import type { Questionnaire } from '../../surveys/registry.ts';

type Json = Record<string, any>;
const RESULTS = '/api/campaigns/campagne-2026/results';
const COMPARE = '/api/campaigns/campagne-2026/compare';

/** Zod drops what a schema does not declare: a body equal to its parse declares every field (strict contract). */
const declared = (schema: { parse: (v: unknown) => unknown }, body: unknown) => expect(schema.parse(body)).toEqual(body);
/** The questionnaire version a campaign runs on. */
const versionOf = (h: Harness, campaignId: string): Questionnaire => h.deps.questionnaires.get(h.deps.repos.campaigns.get(campaignId)!.questionnaireId)!;
/** The overall score as the results define it: the mean, over the internal dimensions, of their themes' mean. */
const overallOf = (model: QuestionnaireModel, scoreOf: (themeId: string) => number | null) =>
  mean(model.dimensions.filter((d) => d.factor === 'internal').map((d) => mean(model.themes.filter((t) => t.dimension === d.id).map((t) => scoreOf(t.id)))));

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

  it('adds each pole’s change since another campaign, on the items both versions share, as each pole’s own evolution gives it', async () => {
    expect(all.poles.every((p) => p.change === undefined)).toBe(true);
    expect(all.comparedTo).toBeUndefined();
    const res = await admin.json<NetworkResultsView>('GET', `${RESULTS}?compareTo=campagne-2025`);
    expect(res.status).toBe(200);
    declared(NetworkResultsSchema, res.body);
    const { comparedTo, poles, themes } = res.body;
    // The items of this campaign's version found in the earlier one, under their own key or the key `renamed` gives.
    const current = versionOf(h, 'campagne-2026');
    const earlier = versionOf(h, 'campagne-2025');
    const earlierKeys = new Set(earlier.model.items.map((i) => i.key));
    const shared = current.model.items.filter((i) => earlierKeys.has(current.renamed[i.key] ?? i.key)).length;
    expect(comparedTo).toEqual({ id: 'campagne-2025', year: 2025, questionnaireId: earlier.id, sharedItems: shared, items: current.model.items.length });
    // The demo's campaigns run on two versions: some items are new, and some are only matched through `renamed`.
    expect(current.id).not.toBe(earlier.id);
    expect(shared).toBeLessThan(current.model.items.length);
    expect(shared).toBeGreaterThan(current.model.items.filter((i) => earlierKeys.has(i.key)).length);
    expect(themes.map((t) => t.id)).toEqual(current.model.themes.map((t) => t.id));
    expect(poles).toHaveLength(12);
    for (const pole of poles) {
      // The pole's own report compares the same items of the same campaigns, by its own computation.
      const own = poleResults(h.deps, h.deps.repos.poles.get(pole.id)!, h.deps.repos.campaigns.get('campagne-2026')!).evolution!;
      expect(own.previousCampaign.id).toBe('campagne-2025');
      expect(own.themes.reduce((s, t) => s + t.sharedItems, 0)).toBe(shared);
      for (const t of own.themes) {
        if (t.delta === null) expect(pole.change!.themes[t.id], `${pole.name} ${t.id}`).toBeNull();
        else expect(pole.change!.themes[t.id], `${pole.name} ${t.id}`).toBeCloseTo(t.delta, 9);
      }
      // Overall, the same rule as the scores' on those shared-item figures.
      const now = overallOf(current.model, (id) => own.themes.find((t) => t.id === id)!.current);
      const then = overallOf(current.model, (id) => own.themes.find((t) => t.id === id)!.previous);
      expect(pole.change!.overall, pole.name).toBeCloseTo(now! - then!, 9);
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
    // The internal themes of the campaign's version: weak on half of them or more, or an overall score at most the
    // first quartile.
    const model = versionOf(h, 'campagne-2026').model;
    const internal = model.themes.filter((t) => model.dimensions.find((d) => d.id === t.dimension)!.factor === 'internal').length;
    expect(all.themes.filter((t) => t.factor === 'internal')).toHaveLength(internal);
    const half = Math.ceil(internal / 2);
    expect(supportMinWeaknesses(internal)).toBe(half);
    const q1 = all.overall.q1!;
    const expected = all.poles
      .filter((p) => p.available && (p.overall! <= q1 || p.weaknesses >= half))
      .sort((a, b) => a.overall! - b.overall!)
      .map((p) => p.id);
    expect(all.support.poles).toEqual(expected);
    // Not the whole network: the demo's lowest overall scores, and poles weak on half their internal themes.
    expect(all.support.poles.length).toBeGreaterThan(0);
    expect(all.support.poles.length).toBeLessThan(all.polesWithResults / 2);
    expect(all.support.criteria).toEqual({ overallAtMost: q1, minWeaknesses: half });
    expect(all.support.rule).toMatch(
      new RegExp(
        `^Pôles dont le score global est dans le quart le plus bas des 12 pôles avec résultats \\(au plus \\d+,\\d, premier quartile\\), ou qui comptent au moins ${half} faiblesses, soit la moitié de leurs ${internal} thèmes internes`,
      ),
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
    // Theme labels are text, not outlines: every theme of the campaign's version, whole or cut with « … ».
    const texts = [...themes.matchAll(/>([^<>]*)<\/text>/g)].map((m) => m[1].replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&'));
    const labels = versionOf(h, 'campagne-2026').model.themes.map((t) => t.label);
    expect(texts).toContain(labels[0]);
    for (const label of labels) expect(texts.some((t) => t === label || (t.endsWith('…') && label.startsWith(t.slice(0, -1)))), label).toBe(true);
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
    // The imported version is the 2026 campaign's own, with the first row of its first matrix renamed
    // (`gouv_debat.espaces_debat` → `gouv_debat.espaces`): every other item keeps its key.
    const previous = versionOf(h, 'campagne-2026');
    const definition: Json = structuredClone(previous.definition);
    definition.title = 'Auto-évaluation PTCE 2028';
    const debate = definition.pages.flatMap((p: Json) => p.elements).find((e: Json) => e.name === 'gouv_debat');
    expect(debate.rows[0].value).toBe('espaces_debat');
    debate.rows[0].value = 'espaces';
    const imported = await admin.json('POST', '/api/questionnaires', { id: 'ptce-2028', definition, renamed: { 'gouv_debat.espaces': 'gouv_debat.espaces_debat' } });
    expect(imported.status).toBe(201);
    const campaign = (await admin.json('POST', '/api/campaigns', { year: 2027, questionnaireId: 'ptce-2028', opensAt: '2027-01-01' })).body;
    h.clock.now = new Date('2027-02-01T10:00:00Z');

    // Pole 1 answers the imported version three times (k = 3): the renamed row's answer under its new key.
    const coordinator = await h.coordinator('pole-1');
    const base = `/api/poles/pole-1/campaigns/${campaign.id}`;
    const links = await createLinks(coordinator, base, { count: 3 });
    const version = h.deps.questionnaires.get('ptce-2028')!;
    for (const [i, link] of links.entries()) {
      const data: Json = sampleAnswers(version, seededRandom(50 + i), { college: 'ess', complete: true });
      expect(data.gouv_debat).toHaveProperty('espaces');
      const res = await h.client().json('POST', `/api/responses/${link.token}/submit`, { data });
      expect(res.status).toBe(201);
    }

    // A year later, the session has expired: sign in again.
    const res = await (await h.admin()).json<NetworkResultsView>('GET', `/api/campaigns/${campaign.id}/results?compareTo=campagne-2026`);
    expect(res.status).toBe(200);
    declared(NetworkResultsSchema, res.body);
    // Every item is shared once the renamed row is matched (without the mapping, all but that one).
    const items = version.model.items.length;
    expect(items).toBe(previous.model.items.length);
    expect(res.body.comparedTo).toMatchObject({ id: 'campagne-2026', questionnaireId: previous.id, sharedItems: items, items });
    const pole = res.body.poles.find((p) => p.id === 'pole-1')!;
    const change = pole.change!;
    // The pole's own report compares the same items of the same years.
    const own = poleResults(h.deps, h.deps.repos.poles.get('pole-1')!, h.deps.repos.campaigns.get(campaign.id)!).evolution!;
    expect(own.previousCampaign.id).toBe('campagne-2026');
    for (const t of own.themes) expect(change.themes[t.id], t.id).toBeCloseTo(t.delta!, 9);
    const renamedTheme = version.model.themes.find((t) => t.items.includes(version.model.itemIndex.get('gouv_debat.espaces')!))!;
    expect(change.themes[renamedTheme.id]).not.toBeNull();
    expect(own.themes.find((t) => t.id === renamedTheme.id)!.sharedItems).toBe(renamedTheme.items.length);
    // Every item shared: the change is exactly the difference of the two campaigns' scores.
    const then = (await (await h.admin()).json<NetworkResultsView>('GET', '/api/campaigns/campagne-2026/results')).body.poles.find((p) => p.id === 'pole-1')!;
    expect(change.overall).toBe(pole.overall! - then.overall!);
    res.body.themes.forEach((t, i) => expect(change.themes[t.id], t.id).toBe(pole.scores[i]! - then.scores[i]!));
  });
});

describe('the evolution of the network medians across questionnaire versions', () => {
  let h: Harness;
  let admin: Client;
  beforeAll(async () => {
    h = await createHarness();
    await generateDemoNetwork(h.deps);
    admin = await h.admin();
  });
  afterAll(() => h.close());

  it('gives each theme its earlier median on the rows both versions share, and none to a theme with no shared row', async () => {
    const now = (await admin.json<NetworkResultsView>('GET', RESULTS)).body;
    const [earlier, current] = [versionOf(h, 'campagne-2025'), versionOf(h, 'campagne-2026')];
    expect(earlier.id).not.toBe(current.id);
    const medians2025 = now.evolution.campaigns.find((c) => c.id === 'campagne-2025')!.medians;
    const medians2026 = now.evolution.campaigns.find((c) => c.id === 'campagne-2026')!.medians;
    expect(medians2026).toEqual(Object.fromEntries(now.themes.map((t) => [t.id, t.distribution.median])));
    // The 2025 median of a 2026 theme: the median, over the 2025 poles with results, of their scores on its shared
    // rows, each computed as the pole's own report computes a theme (poleResults on the earlier campaign, with the
    // theme's shared rows as the only items: the mean of their balanced item scores over collège groups).
    const sharedRows = (themeId: string) => current.model.themes.find((t) => t.id === themeId)!.items.flatMap((i) => {
      const item = current.model.items[i];
      const key = current.renamed[item.key] ?? (item.row !== undefined && current.renamed[item.question] ? `${current.renamed[item.question]}.${item.row}` : item.key);
      return earlier.model.itemIndex.has(key) ? [key] : [];
    });
    const withShared = current.model.themes.filter((t) => sharedRows(t.id).length > 0).map((t) => t.id);
    expect(Object.keys(medians2025).sort()).toEqual([...withShared].sort());
    // Not the 2025 themes of the same id: a 2026 theme that lost or gained rows gets another median than its namesake.
    const then = (await admin.json<NetworkResultsView>('GET', '/api/campaigns/campagne-2025/results')).body;
    const differing = withShared.filter((id) => {
      const namesake = earlier.model.themes.find((t) => t.id === id);
      return namesake && namesake.items.map((i) => earlier.model.items[i].key).sort().join() !== sharedRows(id).sort().join();
    });
    expect(differing.length).toBeGreaterThan(0);
    const polesThen = h.deps.repos.poles.list().filter((p) => then.poles.some((q) => q.id === p.id && q.available));
    for (const id of differing.slice(0, 3)) {
      const rows = new Set(sharedRows(id));
      const campaign2025 = h.deps.repos.campaigns.get('campagne-2025')!;
      const scores = polesThen.map((p) => {
        const items = poleResults(h.deps, p, campaign2025).items.filter((it) => rows.has(it.name));
        // As combineAggregates: each group's mean over the rows, then the mean over groups.
        const groups = [...new Set(items.flatMap((it) => it.byCollege.map((b) => b.college)))];
        return mean(groups.map((g) => mean(items.map((it) => it.byCollege.find((b) => b.college === g && !b.suppressed)?.score ?? null))));
      });
      expect(medians2025[id]).toBeCloseTo(distribution(scores).median!, 6);
    }
  });
});
